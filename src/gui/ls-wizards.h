/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case.h"
#include "ls-context.h"
#include "ls-item-list.h"

G_BEGIN_DECLS

/* clang-format off */
GtkWindow  *ls_wizards_open             (GtkWindow      *parent,
                                         LsContext      *context,
                                         LsCase         *lcase,
                                         LsStep          step,
                                         LsPoints        point);
gboolean    ls_wizards_find_item_at     (GListStore     *store,
                                         const char     *path,
                                         const char     *prefix,
                                         GObject       **item);
GtkWidget  *ls_wizards_mark_item        (LsItemList     *list,
                                         GListStore     *store,
                                         const char     *prefix,
                                         const char     *path,
                                         const char     *message);
char       *ls_wizards_describe_action  (GObject        *item,
                                         char          **subtitle);
char       *ls_wizards_dup_save_error   (const GError   *error);
AdwMessageDialog *ls_wizards_ask_close  (GtkWindow      *wizard,
                                         const char     *heading,
                                         const char     *body,
                                         const char     *close_label);
AdwMessageDialog *ls_wizards_ask_close_without_step (GtkWindow *wizard);
AdwMessageDialog *ls_wizards_ask_why    (GtkWindow      *wizard,
                                         const char     *regno);
char       *ls_wizards_dup_why          (AdwMessageDialog *dialog);
/* clang-format on */

G_END_DECLS
