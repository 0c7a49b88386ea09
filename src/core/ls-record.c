/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-record"

#include "config.h"

#include "ls-record-private.h"

/* The setters of the register's records share one way of storing a value:
 * an empty text is no text, so that a cleared field and a field nobody
 * filled in are the same, and an unchanged value notifies nobody. */

/* Returns: whether @field changed */
gboolean
ls_record_replace_string (char **field, const char *value)
{
  g_assert (field != NULL);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Returns: whether @field changed */
gboolean
ls_record_replace_strv (char ***field, const char *const *value)
{
  g_assert (field != NULL);

  if (value != NULL && value[0] == NULL)
    value = NULL;
  if (*field == NULL && value == NULL)
    return FALSE;
  if (*field != NULL && value != NULL &&
      g_strv_equal ((const char *const *) *field, value))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

gboolean
ls_record_strv_contains (const char *const *strv, const char *value)
{
  return strv != NULL && value != NULL && g_strv_contains (strv, value);
}
