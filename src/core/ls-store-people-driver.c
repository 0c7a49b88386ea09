/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include "ls-store-people-driver.h"

/* The save of the register of people who must report, their information
 * occasions and the decided versions of the routines, written once for
 * both backends: each supplies its transaction and runs the statements
 * written here, on its own tables.  A save writes what changed
 * (ls_store_write_register()); a decided version is only ever inserted,
 * as the tables refuse to change one. */

enum
{
  PEOPLE,
  OCCASIONS,
  ROUTINES,
};

/* The register's reads and writes on one backend. */
typedef struct
{
  const LsStorePeopleDriver *driver;
  gpointer backend;
} On;

static char *
stored_json (gpointer data, guint table, const char *id, GError **error)
{
  const On *on = data;
  g_autofree char *sql = g_strdup_printf ("SELECT json FROM %s WHERE id = $1",
                                          on->driver->tables[table]);
  const char *params[] = { id };

  return on->driver->query_text (on->backend, sql, 1, params, error);
}

static gboolean
write_record (
    gpointer data, guint table, GObject *item, const char *json, GError **error)
{
  const On *on = data;
  const char *name = on->driver->tables[table];
  g_autofree char *sql = NULL;

  if (table == PEOPLE)
    {
      LsPerson *person = LS_PERSON (item);
      const char *params[] = {
        ls_person_get_id (person),       ls_person_get_staff_number (person),
        ls_person_get_name (person),     ls_person_get_started_on (person),
        ls_person_get_ended_on (person), json
      };

      sql = g_strdup_printf (
          "INSERT INTO %s (id, staff_number, name, started_on, ended_on, "
          "json) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE "
          "SET staff_number = excluded.staff_number, name = excluded.name, "
          "started_on = excluded.started_on, ended_on = excluded.ended_on, "
          "json = excluded.json",
          name);
      return on->driver->run (on->backend, sql, G_N_ELEMENTS (params), params,
                              error);
    }
  if (table == OCCASIONS)
    {
      LsInformationOccasion *occasion = LS_INFORMATION_OCCASION (item);
      const char *params[] = { ls_information_occasion_get_id (occasion),
                               ls_information_occasion_get_held_on (occasion),
                               json };

      sql = g_strdup_printf (
          "INSERT INTO %s (id, held_on, json) VALUES ($1, $2, $3) "
          "ON CONFLICT (id) DO UPDATE SET held_on = excluded.held_on, "
          "json = excluded.json",
          name);
      return on->driver->run (on->backend, sql, G_N_ELEMENTS (params), params,
                              error);
    }
  {
    LsRoutines *routines = LS_ROUTINES (item);
    const char *params[] = { ls_routines_get_id (routines),
                             ls_routines_get_decided_on (routines),
                             ls_routines_get_decided_by (routines), json };

    sql = g_strdup_printf ("INSERT INTO %s (id, decided_on, decided_by, json) "
                           "VALUES ($1, $2, $3, $4)",
                           name);
    return on->driver->run (on->backend, sql, G_N_ELEMENTS (params), params,
                            error);
  }
}

/* The register's records change what needs attention (a holder
 * concerned by the report with nobody to take over). */
static gboolean
finish_change (const On *on,
               LsOrganisation *organisation,
               guint changed,
               guint *n_changed,
               GError **error)
{
  if (n_changed != NULL)
    *n_changed = changed;
  return changed == 0 ||
         on->driver->refresh_attention (on->backend, organisation, error);
}

/**
 * ls_store_people_import_locked:
 * @n_changed: (out) (optional): how many rows were written
 *
 * Inside the import's transaction, on the writer: the register of a
 * document, after its cases.
 */
gboolean
ls_store_people_import_locked (const LsStorePeopleDriver *driver,
                               gpointer backend,
                               JsonObject *root,
                               LsOrganisation *organisation,
                               guint *n_changed,
                               GError **error)
{
  On on = { driver, backend };
  LsStoreRegisterIO io = { &on, stored_json, write_record };
  guint changed = 0;

  return ls_store_import_register (&io, root, organisation, &changed, error) &&
         finish_change (&on, organisation, changed, n_changed, error);
}

/**
 * ls_store_people_save:
 *
 * Saves @register_ in one transaction of the writer: checked against the
 * stored organisation, every person, occasion and version that is new or
 * changed; "changed" is emitted when anything was.
 */
gboolean
ls_store_people_save (LsStore *store,
                      const LsStorePeopleDriver *driver,
                      LsPeopleRegister *register_,
                      GError **error)
{
  On on = { driver, store };
  LsStoreRegisterIO io = { &on, stored_json, write_record };
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (
      G_STRUCT_MEMBER_P (store, driver->writer_mutex_offset));
  g_autoptr (LsOrganisation) organisation = NULL;
  guint changed = 0;

  if (!driver->begin (store, error))
    return FALSE;
  organisation = driver->load_organisation (store, error);
  if (organisation == NULL ||
      !ls_store_write_register (&io, register_, organisation, &changed,
                                error) ||
      !finish_change (&on, organisation, changed, NULL, error) ||
      !driver->commit (store, error))
    {
      driver->rollback (store);
      return FALSE;
    }
  if (driver->committed != NULL)
    driver->committed (store);
  g_clear_pointer (&locker, g_rec_mutex_locker_free);

  if (changed > 0)
    ls_store_emit_changed (store, NULL);
  return TRUE;
}
