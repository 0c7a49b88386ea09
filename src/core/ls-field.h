/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * LsFieldKind:
 * @LS_FIELD_TEXT: free text
 * @LS_FIELD_DATE: a day, "2026-03-01"
 * @LS_FIELD_DATETIME: a moment, "2026-03-01T22:30:00+01:00"
 * @LS_FIELD_WHEN: a day, or a moment where the time is known
 * @LS_FIELD_PNR: a Swedish personal identity number
 * @LS_FIELD_UUID: an identifier made by the app
 * @LS_FIELD_EMAIL: an e-mail address
 * @LS_FIELD_REGNO: a registration number
 * @LS_FIELD_POSTCODE: a Swedish postcode, "123 45"
 * @LS_FIELD_CHOICE: the identifier of an entry of a list kept as data, such
 *   as a category; checked against its list by the rules
 *
 * What a string property of the model holds, attached to its #GParamSpec
 * so that one walk over a case can check every field of it.
 */
typedef enum
{
  LS_FIELD_TEXT,
  LS_FIELD_DATE,
  LS_FIELD_DATETIME,
  LS_FIELD_WHEN,
  LS_FIELD_PNR,
  LS_FIELD_UUID,
  LS_FIELD_EMAIL,
  LS_FIELD_REGNO,
  LS_FIELD_POSTCODE,
  LS_FIELD_CHOICE,
} LsFieldKind;

/* clang-format off */
void        ls_field_set_kind (GParamSpec   *pspec,
                               LsFieldKind   kind);
LsFieldKind ls_field_get_kind (GParamSpec   *pspec);
gboolean    ls_field_validate (LsFieldKind   kind,
                               const char   *value,
                               GError      **error);
gboolean    ls_field_validate_utf8
                              (LsFieldKind   kind,
                               const char   *value,
                               GError      **error);
gboolean    ls_field_is_blank (const char   *value);
/* clang-format on */

G_END_DECLS
