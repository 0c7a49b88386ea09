/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-field"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-dates.h"
#include "ls-error.h"
#include "ls-field.h"
#include "ls-pnr.h"

static GQuark
ls_field_kind_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("ls-field-kind");
  return quark;
}

void
ls_field_set_kind (GParamSpec *pspec, LsFieldKind kind)
{
  g_return_if_fail (G_IS_PARAM_SPEC_STRING (pspec));

  g_param_spec_set_qdata (pspec, ls_field_kind_quark (),
                          GINT_TO_POINTER (kind));
}

LsFieldKind
ls_field_get_kind (GParamSpec *pspec)
{
  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), LS_FIELD_TEXT);

  return GPOINTER_TO_INT (
      g_param_spec_get_qdata (pspec, ls_field_kind_quark ()));
}

static gboolean
validate_email (const char *value, GError **error)
{
  const char *at = strchr (value, '@');

  /* Only what catches a typo: one @ with something on both sides and a dot
   * after it, no spaces. */
  if (at == NULL || at == value || strchr (at + 1, '@') != NULL ||
      strchr (at, '.') == NULL || g_str_has_suffix (value, ".") ||
      strpbrk (value, " \t\n") != NULL)
    {
      g_set_error_literal (error, LS_ERROR, LS_ERROR_INVALID_VALUE,
                           _ ("This is not an e-mail address."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_postcode (const char *value, GError **error)
{
  guint digits = 0;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != ' ')
        digits = 99;
    }
  if (digits != 5)
    {
      g_set_error_literal (error, LS_ERROR, LS_ERROR_INVALID_VALUE,
                           _ ("This is not a postcode; write five digits, "
                              "such as “123 45”."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_regno (const char *value, GError **error)
{
  if (g_utf8_strlen (value, -1) > 40 || strpbrk (value, "\t\n\r") != NULL)
    {
      g_set_error (error, LS_ERROR, LS_ERROR_INVALID_REGNO,
                   _ ("A registration number is one line of at most 40 "
                      "characters."));
      return FALSE;
    }
  return TRUE;
}

/**
 * ls_field_validate:
 * @value: (nullable): the value; %NULL (empty) is always valid here, since
 *   whether a field is required depends on the step of the case
 *
 * Checks that @value is well-formed for its kind.  The message of @error
 * says what the kind needs and never quotes @value (it may be a personal
 * detail typed into the wrong field, or anything a file holds): the
 * caller names the field, beside it or before the message.
 */
gboolean
ls_field_validate (LsFieldKind kind, const char *value, GError **error)
{
  if (value == NULL || *value == '\0')
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, LS_ERROR, LS_ERROR_INVALID_VALUE,
                   _ ("The text is not valid UTF-8."));
      return FALSE;
    }
  return ls_field_validate_utf8 (kind, value, error);
}

/**
 * ls_field_validate_utf8:
 * @value: (nullable): the value, known to be valid UTF-8
 *
 * Checks @value as ls_field_validate() does, for a reader that checked
 * its UTF-8 already: a document's texts are checked once, not twice.
 */
gboolean
ls_field_validate_utf8 (LsFieldKind kind, const char *value, GError **error)
{
  if (value == NULL || *value == '\0')
    return TRUE;

  switch (kind)
    {
    case LS_FIELD_DATE:
      return ls_dates_validate (value, LS_DATES_DATE, error);
    case LS_FIELD_DATETIME:
      return ls_dates_validate (value, LS_DATES_DATETIME, error);
    case LS_FIELD_WHEN:
      return ls_dates_validate (value, LS_DATES_DATE | LS_DATES_DATETIME,
                                error);
    case LS_FIELD_PNR:
      return ls_pnr_validate (value, error);
    case LS_FIELD_UUID:
      if (!g_uuid_string_is_valid (value))
        {
          g_set_error_literal (error, LS_ERROR, LS_ERROR_INVALID_VALUE,
                               _ ("This is not a valid identifier."));
          return FALSE;
        }
      return TRUE;
    case LS_FIELD_EMAIL:
      return validate_email (value, error);
    case LS_FIELD_REGNO:
      return validate_regno (value, error);
    case LS_FIELD_POSTCODE:
      return validate_postcode (value, error);
    case LS_FIELD_TEXT:
    case LS_FIELD_CHOICE:
    default:
      return TRUE;
    }
}

/**
 * ls_field_is_blank:
 * @value: (nullable): what a field holds, or what was typed into it
 *
 * Returns: whether @value says nothing: %NULL, empty, or only spaces
 */
gboolean
ls_field_is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  for (; *value != '\0'; value = g_utf8_next_char (value))
    if (!g_unichar_isspace (g_utf8_get_char (value)))
      return FALSE;
  return TRUE;
}
