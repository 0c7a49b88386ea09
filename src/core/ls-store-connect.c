/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-pg-store.h"
#include "ls-store-connect.h"
#include "ls-store.h"

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

  if (!ls_pg_store_is_valid_location (location))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("This is not a connection Lex Sarah can use: give a "
                      "postgresql:// address or service=name."));
      return NULL;
    }
  if (ls_pg_store_location_has_password (location))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("Give the connection without a password: Lex Sarah "
                      "asks for it when the server needs one, and never "
                      "keeps it."));
      return NULL;
    }
  if (password != NULL)
    with_password = ls_pg_store_dup_location_with_password (location, password);

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
