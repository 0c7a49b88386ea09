/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-law.h"

G_BEGIN_DECLS

/**
 * LsItemFieldKind:
 * @LS_ITEM_FIELD_TEXT: one line of text, a string property
 * @LS_ITEM_FIELD_LONG_TEXT: a few lines of text, a string property
 * @LS_ITEM_FIELD_DATE: a day, a string property
 * @LS_ITEM_FIELD_WHEN: a day, or a day and a time, a string property
 * @LS_ITEM_FIELD_PNR: a personal identity number, stored normalized and
 *   shown masked once entered
 * @LS_ITEM_FIELD_CHOICE: one of @choices, a string property holding its id
 * @LS_ITEM_FIELD_ENUM: one value of an enum property, named as
 *   ls_names_get() names them
 * @LS_ITEM_FIELD_SET: some of @choices, a string array property holding
 *   their ids; the names are shown as they are (give translated ones)
 * @LS_ITEM_FIELD_BOOLEAN: yes or no, a boolean property
 *
 * How a field of an item is edited.
 */
typedef enum
{
  LS_ITEM_FIELD_TEXT,
  LS_ITEM_FIELD_LONG_TEXT,
  LS_ITEM_FIELD_DATE,
  LS_ITEM_FIELD_WHEN,
  LS_ITEM_FIELD_PNR,
  LS_ITEM_FIELD_CHOICE,
  LS_ITEM_FIELD_ENUM,
  LS_ITEM_FIELD_SET,
  LS_ITEM_FIELD_BOOLEAN,
} LsItemFieldKind;

typedef enum
{
  LS_ITEM_FIELD_OPTIONAL = 0,
  LS_ITEM_FIELD_REQUIRED = 1 << 0,
  LS_ITEM_FIELD_NOT_FUTURE = 1 << 1,
  LS_ITEM_FIELD_EXCUSABLE = 1 << 2,
  LS_ITEM_FIELD_EXCUSES = 1 << 3,
} LsItemFieldFlags;

/**
 * LsItemField:
 * @property: the item's property, such as "personal-number"
 * @kind: how it is edited
 * @title: the row's title, an English msgid with a mnemonic
 * @flags: whether it is required, and whether a date may lie ahead; a
 *   text or date field that is %LS_ITEM_FIELD_EXCUSABLE is neither asked
 *   for nor kept while a boolean field of the dialog that is
 *   %LS_ITEM_FIELD_EXCUSES is on (a board not told because secrecy
 *   prevents it has no day)
 * @choices: (nullable): for a choice, the entries (names are msgids); an
 *   enum's come from the model's table of names
 * @n_choices: their number
 *
 * One field of an item, as a row of the dialog.
 */
typedef struct
{
  const char *property;
  LsItemFieldKind kind;
  const char *title;
  LsItemFieldFlags flags;
  const LsChoice *choices;
  guint n_choices;
} LsItemField;

#define LS_TYPE_ITEM_DIALOG (ls_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LsItemDialog, ls_item_dialog, LS, ITEM_DIALOG, AdwWindow)

/* clang-format off */
LsItemDialog *ls_item_dialog_new       (GtkWindow         *parent,
                                        const char        *title,
                                        const char        *description,
                                        GObject           *item,
                                        const LsItemField *fields,
                                        guint              n_fields);
GObject      *ls_item_dialog_get_item  (LsItemDialog      *self);
GtkWidget    *ls_item_dialog_get_row   (LsItemDialog      *self,
                                        const char        *property);
gboolean      ls_item_dialog_apply     (LsItemDialog      *self);
void          ls_item_dialog_set_error (LsItemDialog      *self,
                                        const char        *property,
                                        const char        *message);
/* clang-format on */

G_END_DECLS
