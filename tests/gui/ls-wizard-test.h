/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-dates.h"
#include "ls-store.h"
#include "ls-test-utils.h"

G_BEGIN_DECLS

/* Saves and loads run in threads; under a sanitizer they take a while. */
#define LS_WZ_TIMEOUT LS_TEST_TIMEOUT

/* Asserts that @day, a day the app took as today by itself, is the local
 * day at some moment since @since (ls_dates_dup_today() read before the
 * app could take its day): @since exactly, unless midnight passed while
 * the test ran, when it may be any day from @since to the day now. */
#define ls_wz_assert_today_since(day, since)                                   \
  G_STMT_START                                                                 \
  {                                                                            \
    g_autofree char *ls_wz_now_ = ls_dates_dup_today (NULL);                   \
    const char *ls_wz_day_ = (day);                                            \
                                                                               \
    g_assert_nonnull (ls_wz_day_);                                             \
    g_assert_cmpstr (ls_wz_day_, >=, (since));                                 \
    g_assert_cmpstr (ls_wz_day_, <=, ls_wz_now_);                              \
  }                                                                            \
  G_STMT_END

/* clang-format off */
char      *ls_wz_make_temp_dir      (void);
void       ls_wz_remove_temp_dir    (const char      *dir);
void       ls_wz_wait_idle          (GtkWidget       *wizard);
void       ls_wz_wait_destroyed     (GtkWidget       *window);
GtkWidget *ls_wz_find_message_dialog (const char     *heading);
void       ls_wz_activate_row       (GtkWidget       *root,
                                     const char      *title);
void       ls_wz_select             (GtkWidget       *root,
                                     const char      *title,
                                     guint            position);
void       ls_wz_set_text_field     (GtkWidget       *root,
                                     const char      *title,
                                     const char      *text);
GtkWidget *ls_wz_find_text_field    (GtkWidget       *root,
                                     const char      *title);
void       ls_wz_assert_error       (GtkWidget       *row,
                                     const char      *message);
void       ls_wz_assert_row_error   (GtkWidget       *root,
                                     const char      *title,
                                     const char      *message);
gboolean   ls_wz_has_text_prefix    (GtkWidget       *root,
                                     const char      *prefix);
char      *ls_wz_dup_stored_json    (LsStore         *store,
                                     const char      *uuid);
void       ls_wz_assert_mnemonics_unique (GtkWidget  *window,
                                     GtkWidget       *page);
void       ls_wz_give_reason        (const char      *why);
char      *ls_wz_dup_history_why    (LsStore         *store,
                                     const char      *uuid,
                                     const char      *suffix);
/* clang-format on */

G_END_DECLS
