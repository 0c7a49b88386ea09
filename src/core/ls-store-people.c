/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-store.h"

/* The register of people who must report, the information occasions and
 * the routines, as the base class dispatches them to a backend; and the
 * import of a staff list, which any backend gets from these two. */

/**
 * ls_store_load_people:
 *
 * Returns: (transfer full): the register: every person (those who left
 *   too), occasion and decided version of the routines, in the order they
 *   were added; an empty one from a backend that keeps none
 */
LsPeopleRegister *
ls_store_load_people (LsStore *self, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  if (LS_STORE_GET_CLASS (self)->load_people == NULL)
    return ls_people_register_new ();
  return LS_STORE_GET_CLASS (self)->load_people (self, error);
}

/**
 * ls_store_save_people:
 *
 * Checks @register_ against the stored organisation and saves what is new
 * or changed in it, in one transaction.  Nobody is removed: a person or
 * an occasion missing from @register_ stays stored.  A decided version of
 * the routines is never changed (%LS_STORE_ERROR_APPEND_ONLY).
 *
 * Returns: %TRUE, or %FALSE with @error naming the bad member and nothing
 *   saved
 */
gboolean
ls_store_save_people (LsStore *self,
                      LsPeopleRegister *register_,
                      GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), FALSE);

  if (LS_STORE_GET_CLASS (self)->save_people == NULL)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
                   _ ("This database keeps no register of people."));
      return FALSE;
    }
  return LS_STORE_GET_CLASS (self)->save_people (self, register_, error);
}

/**
 * ls_store_import_people:
 * @file: a staff list as docs/people-csv.md describes it
 * @today: the day, "2026-03-01": the end date of people no longer listed
 * @counts: (out) (optional): what the import did
 *
 * Imports a staff list into the register with ls_people_csv_import() and
 * saves it.  A bad row leaves the database as it was.
 */
gboolean
ls_store_import_people (LsStore *self,
                        GFile *file,
                        const char *today,
                        LsPeopleCsvCounts *counts,
                        GError **error)
{
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsPeopleRegister) register_ = NULL;
  g_autofree char *data = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The staff list “%s” could not be read: %s"), name,
                   local_error->message);
      return FALSE;
    }
  organisation = ls_store_load_organisation (self, error);
  if (organisation == NULL)
    return FALSE;
  register_ = ls_store_load_people (self, error);
  if (register_ == NULL)
    return FALSE;
  if (!ls_people_csv_import (register_, organisation, data, (gssize) length,
                             today, counts, &local_error))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The staff list was not imported: %s"),
                   local_error->message);
      return FALSE;
    }
  return ls_store_save_people (self, register_, error);
}
