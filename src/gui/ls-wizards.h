/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

/* clang-format off */
GtkWindow  *ls_wizards_open             (GtkWindow      *parent,
                                         LsStore        *store,
                                         LsOrganisation *organisation,
                                         LsCase         *lcase,
                                         GSettings      *settings,
                                         LsStep          step,
                                         LsPoints        point);
char       *ls_wizards_dup_author       (GSettings      *settings);
gboolean    ls_wizards_is_narrow        (GtkWindow      *window);
void        ls_wizards_show_back        (GtkButton      *back,
                                         gboolean        narrow);
void        ls_wizards_show_step_title  (GtkWindow      *wizard,
                                         AdwWindowTitle *window_title,
                                         GtkButton      *back,
                                         GtkStack       *stack,
                                         const char     *progress,
                                         const char     *regno);
void        ls_wizards_focus_page       (GtkWindow      *wizard,
                                         GtkStack       *stack);
void        ls_wizards_add_bindings     (GtkWidgetClass *widget_class);
gboolean    ls_wizards_find_item_at     (GListStore     *store,
                                         const char     *path,
                                         const char     *prefix,
                                         GObject       **item);
char       *ls_wizards_describe_action  (GObject        *item,
                                         char          **subtitle);
char       *ls_wizards_dup_save_error   (const GError   *error);
AdwMessageDialog *ls_wizards_ask_close  (GtkWindow      *wizard,
                                         const char     *heading,
                                         const char     *body,
                                         const char     *close_label);
AdwMessageDialog *ls_wizards_ask_close_without_step (GtkWindow *wizard);
/* clang-format on */

G_END_DECLS
