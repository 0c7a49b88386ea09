/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <string.h>

#include "ls-pg-backend.h"
#include "ls-store-connect.h"
#include "ls-store.h"

/* Team mode's backend, PostgreSQL through libpq, is a module of its own
 * (ls-pg-module.c), opened the first time a shared database is opened or
 * set up: libpq and what it links (OpenSSL, GnuTLS, Kerberos, LDAP: some
 * 5 MB resident) stay out of the process of everyone whose cases are in a
 * file.  It is looked for in LEXSARAH_MODULE_DIR if that is set (the
 * tests, a build not installed), else where the build installs it. */

static GMutex backend_mutex;
static const LsPgBackend *backend;

static void
set_not_installed_error (GError **error)
{
  g_set_error_literal (
      error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_INSTALLED,
      _ ("Team mode is not installed: this copy of Lex Sarah cannot open a "
         "shared case database on a PostgreSQL server. Ask your IT to "
         "install all of Lex Sarah, or keep the cases in a file."));
}

/* The module's table, loading the module the first time.  A module that
 * is missing is looked for again at the next call: it may be installed
 * while the app runs. */
static const LsPgBackend *
get_backend (GError **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&backend_mutex);
  const char *dir = g_getenv ("LEXSARAH_MODULE_DIR");
  g_autofree char *path = NULL;
  LsPgModuleGetBackend get = NULL;
  GModule *module;

  if (backend != NULL)
    return backend;

  path = g_build_filename (dir != NULL && *dir != '\0' ? dir : LS_MODULE_DIR,
                           LS_PG_MODULE_NAME, NULL);
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_debug ("Team mode's module cannot be opened: %s", g_module_error ());
      set_not_installed_error (error);
      return NULL;
    }
  if (!g_module_symbol (module, LS_PG_MODULE_ENTRY, (gpointer *) &get) ||
      get == NULL || get ()->abi != LS_PG_BACKEND_ABI)
    {
      g_debug ("%s is not this version's team mode", path);
      g_module_close (module);
      set_not_installed_error (error);
      return NULL;
    }
  /* Its types are registered with GObject for good. */
  g_module_make_resident (module);
  backend = get ();
  return backend;
}

/**
 * ls_store_server_is_installed:
 *
 * Loads team mode's module if it is not loaded yet.
 *
 * Returns: whether shared databases can be opened, or %FALSE with @error
 *   set to a translated message saying team mode is not installed
 */
gboolean
ls_store_server_is_installed (GError **error)
{
  return get_backend (error) != NULL;
}

/**
 * ls_store_server_open:
 *
 * Connects to a shared case database as ls_store_open_full() documents.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LsStore *
ls_store_server_open (const char *location,
                      LsStoreOpenFlags flags,
                      GError **error)
{
  const LsPgBackend *pg = get_backend (error);

  return pg != NULL ? pg->open (location, flags, error) : NULL;
}

/**
 * ls_store_server_init_shared:
 * @conninfo: a connection, as the database's owner
 *
 * Sets a database up for a team (`--init-shared-database`): the schema,
 * the group roles and the row-level security policies.
 */
gboolean
ls_store_server_init_shared (const char *conninfo, GError **error)
{
  const LsPgBackend *pg = get_backend (error);

  return pg != NULL && pg->init_shared (conninfo, error);
}

/**
 * ls_store_server_get_role:
 * @store: a store opened on a shared database
 *
 * Returns: the role the store's session has on the server
 */
const char *
ls_store_server_get_role (LsStore *store)
{
  const LsPgBackend *pg = get_backend (NULL);

  g_return_val_if_fail (pg != NULL, NULL);

  return pg->get_role (store);
}

/**
 * ls_store_server_location_has_password:
 * @location: a libpq connection string or URI
 *
 * Returns: whether @location names a password (password= or a URI's
 *   user:password@), which the settings must never keep; %FALSE also
 *   when team mode is not installed, as nothing can be opened then
 */
gboolean
ls_store_server_location_has_password (const char *location)
{
  const LsPgBackend *pg = get_backend (NULL);

  return pg != NULL && pg->location_has_password (location);
}

/**
 * ls_store_server_location_is_valid:
 * @location: what the person typed as a shared database
 *
 * Returns: whether libpq can read @location as a connection; %FALSE when
 *   team mode is not installed (ls_store_server_is_installed() says so)
 */
gboolean
ls_store_server_location_is_valid (const char *location)
{
  const LsPgBackend *pg = get_backend (NULL);

  return pg != NULL && pg->is_valid_location (location);
}

/**
 * ls_store_server_dup_location_with_password:
 * @location: a libpq connection string or URI without a password
 * @password: the password the person gave
 *
 * Returns: (transfer full) (nullable): @location in libpq's keyword form
 *   with @password, to open the store with and to forget after; %NULL
 *   when @location cannot be read or team mode is not installed
 */
char *
ls_store_server_dup_location_with_password (const char *location,
                                            const char *password)
{
  const LsPgBackend *pg = get_backend (NULL);

  return pg != NULL ? pg->dup_location_with_password (location, password)
                    : NULL;
}

/* "Test connection" of the setup and Preferences: connect to a shared
 * database as the person would, read-only so that nothing is created or
 * migrated, and say plainly what went wrong (the server unreachable, no
 * such role, a password wanted or refused, no rights, the schema not set
 * up) or who the server takes the person to be. */

typedef struct
{
  char *location;
  char *password;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->location);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

/**
 * ls_store_check_server:
 * @location: a shared database's connection, without a password
 * @password: (nullable): the password the person gave, if the server
 *   asked for one
 *
 * Connects and lets go.  Blocks: the windows use the _async version.
 *
 * Returns: (transfer full): a translated sentence naming who the server
 *   takes the person to be, or %NULL with @error set to a translated
 *   message saying what went wrong
 */
char *
ls_store_check_server (const char *location,
                       const char *password,
                       GError **error)
{
  g_autofree char *with_password = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (GError) local = NULL;
  const char *who;

  g_return_val_if_fail (location != NULL, NULL);

  if (!ls_store_server_is_installed (error))
    return NULL;
  if (!ls_store_server_location_is_valid (location))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("This is not a connection Lex Sarah can use: give a "
                      "postgresql:// address or service=name."));
      return NULL;
    }
  if (ls_store_server_location_has_password (location))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("Give the connection without a password: Lex Sarah "
                      "asks for it when the server needs one, and never "
                      "keeps it."));
      return NULL;
    }
  if (password != NULL)
    with_password =
        ls_store_server_dup_location_with_password (location, password);

  store = ls_store_open_full (with_password != NULL ? with_password : location,
                              LS_STORE_OPEN_READ_ONLY, &local);
  if (with_password != NULL)
    memset (with_password, 0, strlen (with_password));
  if (store == NULL)
    {
      /* A role that may read nothing is a role without Lex Sarah's. */
      if (g_error_matches (local, LS_STORE_ERROR, LS_STORE_ERROR_DENIED))
        g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DENIED,
                     _ ("You have no rights in the shared case database: ask "
                        "your IT to give you one of Lex Sarah’s roles."));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  who = ls_store_get_identity_name (store);
  if (who != NULL)
    return g_strdup_printf (_ ("Connected: the server knows you as %s."), who);
  return g_strdup (_ ("Connected."));
}

static void
check_thread (GTask *task,
              gpointer source,
              gpointer task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  GError *error = NULL;
  char *said = ls_store_check_server (data->location, data->password, &error);

  if (said == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, said, g_free);
}

/**
 * ls_store_check_server_async:
 *
 * Runs ls_store_check_server() off the main loop.
 */
void
ls_store_check_server_async (const char *location,
                             const char *password,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CheckData *data = g_new0 (CheckData, 1);

  g_return_if_fail (location != NULL);

  g_task_set_source_tag (task, ls_store_check_server_async);
  data->location = g_strdup (location);
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
}

char *
ls_store_check_server_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
