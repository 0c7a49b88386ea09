/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-item-dialog.h"

G_BEGIN_DECLS

/**
 * LsItemListDescribe:
 * @item: an item of the list
 * @subtitle: (out) (transfer full) (nullable): a second line
 *
 * Returns: (transfer full): the item's title in the list
 */
typedef char *(*LsItemListDescribe) (GObject *item, char **subtitle);

/**
 * LsItemListCreate:
 *
 * Returns: (transfer full): a new item with its defaults, for Add
 */
typedef GObject *(*LsItemListCreate) (gpointer user_data);

/**
 * LsItemListFilter:
 *
 * Returns: whether @item belongs in this list (a list may show part of a
 *   store, such as the board notices of the report)
 */
typedef gboolean (*LsItemListFilter) (GObject *item, gpointer user_data);

/**
 * LsItemListSpec:
 * @fields: the fields an item's dialog edits
 * @n_fields: their number
 * @describe: how an item is shown in the list
 * @create: how a new item starts
 * @filter: (nullable): which items of the store are shown
 *
 * What a list holds and how its items are edited.
 */
typedef struct
{
  const LsItemField *fields;
  guint n_fields;
  LsItemListDescribe describe;
  LsItemListCreate create;
  LsItemListFilter filter;
} LsItemListSpec;

#define LS_TYPE_ITEM_LIST (ls_item_list_get_type ())

G_DECLARE_FINAL_TYPE (
    LsItemList, ls_item_list, LS, ITEM_LIST, AdwPreferencesGroup)

/* clang-format off */
GtkWidget    *ls_item_list_new            (void);
void          ls_item_list_bind           (LsItemList           *self,
                                           GListStore           *model,
                                           const LsItemListSpec *spec,
                                           gpointer              user_data);
LsItemDialog *ls_item_list_open_dialog    (LsItemList           *self,
                                           GObject              *item);
void          ls_item_list_set_item_error (LsItemList           *self,
                                           GObject              *item,
                                           const char           *message);
guint         ls_item_list_get_n_shown    (LsItemList           *self);
void          ls_item_list_set_locked     (LsItemList           *self,
                                           gboolean              locked);
/* clang-format on */

G_END_DECLS
