/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-model"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-dates.h"
#include "ls-error.h"
#include "ls-field.h"
#include "ls-law.h"
#include "ls-model-private.h"
#include "ls-model.h"

/* The checks of a member's value as the model reads it: the form of each
 * kind of field, and for a document to import what its form alone does
 * not say, such as a day that has not come yet. */

/* Members that record something done or decided: a document that dates
 * one after today is wrong, as a report from the future is. */
static const char *const past_members[] = {
  "created_at",   "documented_on", "started_on",
  "concluded_on", "submitted_on",  "investigation_sent_on",
  "signed_on",    "notified_on",   "informed_on",
  "taken_at",     "received_at",   "occurred_at",
  "noticed_at",
};

char *
ls_model_dup_nicks (GType type)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr (GEnumClass) klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (out, "%s“%s”", i > 0 ? ", " : "",
                                klass->values[i].value_nick);
    }
  else
    {
      g_autoptr (GFlagsClass) klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != 0)
          g_string_append_printf (out, "%s“%s”", out->len > 0 ? ", " : "",
                                  klass->values[i].value_nick);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What is wrong with a value of @kind in a document, where a moment is
 * written with its offset rather than as a manager types it; %NULL where
 * ls_field_validate()'s own message says it. */
static const char *
document_message (LsFieldKind kind)
{
  switch (kind)
    {
    case LS_FIELD_DATE:
      return _ ("not a date; write it as year-month-day, such as 2026-03-01.");
    case LS_FIELD_DATETIME:
      return _ ("not a date and time with its offset, such as "
                "2026-03-01T22:30:00+01:00.");
    case LS_FIELD_WHEN:
      return _ ("not a date, such as 2026-03-01, nor a date and time with "
                "its offset, such as 2026-03-01T22:30:00+01:00.");
    case LS_FIELD_UUID:
      return _ ("not a valid identifier.");
    case LS_FIELD_EMAIL:
      return _ ("not an e-mail address.");
    case LS_FIELD_POSTCODE:
      return _ ("not a postcode; write five digits, such as 123 45.");
    case LS_FIELD_TEXT:
    case LS_FIELD_PNR:
    case LS_FIELD_REGNO:
    case LS_FIELD_CHOICE:
    default:
      return NULL;
    }
}

static gboolean
fail (GError **error,
      GQuark domain,
      int code,
      const char *path,
      const char *name,
      const char *message)
{
  g_set_error (error, domain, code, "%s%s%s: %s", path != NULL ? path : "",
               path != NULL && *path != '\0' ? "." : "", name, message);
  return FALSE;
}

/* Whether @name, a member of a document, could be the name of a field
 * as the format writes them ("received_at", or misspelt "received-at"):
 * a member's name is the file's text as much as a value is, and may be
 * anything. */
static gboolean
is_field_name (const char *name)
{
  gsize length = 0;

  if (!g_ascii_islower (*name))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if ((!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' &&
         *p != '-') ||
        ++length > 64)
      return FALSE;
  return TRUE;
}

/**
 * ls_model_fail_unknown_member:
 * @path: (nullable): where the member's object is in the document
 * @name: the member's name, as the document has it
 *
 * Sets @error for a member that is no field of its object, named when
 * its name could be a field's (a misspelt one), else by its object alone.
 *
 * Returns: %FALSE
 */
gboolean
ls_model_fail_unknown_member (const char *path,
                              const char *name,
                              GError **error)
{
  const char *message = _ ("a member's name is not the name of a field.");

  if (is_field_name (name))
    return fail (error, LS_ERROR, LS_ERROR_BAD_DOCUMENT, path, name,
                 _ ("no such field."));
  if (path == NULL || *path == '\0')
    g_set_error_literal (error, LS_ERROR, LS_ERROR_BAD_DOCUMENT, message);
  else
    g_set_error (error, LS_ERROR, LS_ERROR_BAD_DOCUMENT, "%s: %s", path,
                 message);
  return FALSE;
}

/* Found once per property of a class, not for every value read. */
LsModelChecks
ls_model_member_checks (const char *name)
{
  LsModelChecks checks = 0;

  for (guint i = 0; i < G_N_ELEMENTS (past_members); i++)
    if (g_str_equal (name, past_members[i]))
      checks |= LS_MODEL_CHECK_PAST;
  if (g_str_equal (name, "department"))
    checks |= LS_MODEL_CHECK_DEPARTMENT;
  return checks;
}

/* A day three days before today, "YYYY-MM-DD", kept for the second it
 * was made in: a document's hundreds of dates are each compared with
 * it, and making the local time for each of them cost more than the rest
 * of reading the case. */
static void
copy_recent_day (char day[11])
{
  static GMutex mutex;
  static gint64 second = -1;
  static char recent[11];
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_mutex_lock (&mutex);
  if (now != second)
    {
      g_autoptr (GDateTime) local = g_date_time_new_now_local ();
      g_autoptr (GDateTime) before = g_date_time_add_days (local, -3);
      g_autofree char *text = g_date_time_format (before, "%Y-%m-%d");

      g_strlcpy (recent, text, sizeof recent);
      second = now;
    }
  memcpy (day, recent, sizeof recent);
  g_mutex_unlock (&mutex);
}

/* Whether @value (a day, or a moment with its offset, already found well
 * formed) is before the recent day: no offset of a moment moves it by
 * more than a day, so that it cannot lie after now.  The rest is
 * compared with the clock. */
static gboolean
surely_past (const char *value)
{
  char recent[11];

  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? value[i] != '-' : !g_ascii_isdigit (value[i]))
      return FALSE;
  copy_recent_day (recent);
  return strncmp (value, recent, 10) < 0;
}

static gboolean
check_department (const char *value,
                  const char *path,
                  const char *name,
                  GError **error)
{
  g_autoptr (GString) ids = g_string_new (NULL);
  g_autofree char *message = NULL;
  const LsDepartment *departments;
  guint n;

  if (ls_law_find_department (value) != NULL)
    return TRUE;
  departments = ls_law_get_departments (&n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (ids, "%s“%s”", i > 0 ? ", " : "",
                            departments[i].id);
  message =
      g_strdup_printf (_ ("expected one of IVO's departments: %s."), ids->str);
  return fail (error, LS_ERROR, LS_ERROR_UNKNOWN_VALUE, path, name, message);
}

/**
 * ls_model_check_text:
 * @kind: the field kind of the string property read
 * @checks: ls_model_member_checks() of its name
 * @value: (nullable): its value, which the reader found to be valid UTF-8
 * @path: (nullable): where its object is in the document
 * @name: the member's name
 * @document: whether @value comes from a document to import
 *
 * Checks @value as ls_field_validate() does, naming the member.  For a
 * document also: that a date of something done is not after today, that an
 * IVO department is one of IVO's.  The message never quotes @value.
 */
gboolean
ls_model_check_text (LsFieldKind kind,
                     LsModelChecks checks,
                     const char *value,
                     const char *path,
                     const char *name,
                     gboolean document,
                     GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!ls_field_validate_utf8 (kind, value, &local_error))
    {
      const char *message = document ? document_message (kind) : NULL;

      return fail (error, local_error->domain, local_error->code, path, name,
                   message != NULL ? message : local_error->message);
    }
  if (!document || value == NULL || *value == '\0')
    return TRUE;
  if ((checks & LS_MODEL_CHECK_PAST) && !surely_past (value))
    {
      g_autoptr (GDateTime) now = ls_dates_now_local ();

      if (ls_dates_is_future (value, now))
        return fail (error, LS_ERROR, LS_ERROR_DATE_IN_FUTURE, path, name,
                     _ ("the date lies after today."));
    }
  if (checks & LS_MODEL_CHECK_DEPARTMENT)
    return check_department (value, path, name, error);
  return TRUE;
}

/**
 * ls_model_check_list_text:
 * @index: the place of @value in its list
 *
 * Checks an entry of a list of texts of a document: the linked cases of an
 * investigation are the identifiers of cases.
 */
gboolean
ls_model_check_list_text (GParamSpec *pspec,
                          const char *value,
                          const char *path,
                          const char *name,
                          guint index,
                          GError **error)
{
  g_autofree char *item = NULL;

  if (!g_str_equal (name, "linked_cases") || g_uuid_string_is_valid (value))
    return TRUE;
  item = g_strdup_printf ("%s[%u]", name, index);
  return fail (error, LS_ERROR, LS_ERROR_INVALID_VALUE, path, item,
               _ ("not the identifier (uuid) of a case."));
}

static GQuark
added_later_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("ls-model-added-later");
  return quark;
}

/**
 * ls_model_mark_added_later:
 * @pspec: a property of a model class
 *
 * Marks a member that a later version of the exchange format added: a
 * document of an earlier version lacks it, and is read all the same, the
 * member keeping its default.
 */
void
ls_model_mark_added_later (GParamSpec *pspec)
{
  g_return_if_fail (G_IS_PARAM_SPEC (pspec));

  g_param_spec_set_qdata (pspec, added_later_quark (), GINT_TO_POINTER (1));
}

gboolean
ls_model_is_added_later (GParamSpec *pspec)
{
  return g_param_spec_get_qdata (pspec, added_later_quark ()) != NULL;
}
