/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*LsTestCondition) (gpointer data);

/**
 * LsTestLook:
 * @suffix: what the screenshots' names end in, "-dark-narrow"
 * @dark: whether in the dark style
 * @narrow: whether 360 pixels wide
 *
 * One of the looks every screen is seen in.
 */
typedef struct
{
  const char *suffix;
  gboolean dark;
  gboolean narrow;
} LsTestLook;

#define LS_TEST_N_LOOKS 4
#define LS_TEST_NARROW_WIDTH 360

extern const LsTestLook ls_test_looks[LS_TEST_N_LOOKS];

/* How long a test waits for what happens off the main loop, in seconds,
 * before it fails: not a measure of speed but a safeguard against waiting
 * for ever, so generous enough for a sanitizer's build on a busy machine,
 * and below the test programs' own time limit, so that the failure names
 * what never came. */
#define LS_TEST_TIMEOUT 60

/* Runs the main loop until @condition (a function) returns %TRUE for
 * @data; fails the test, naming @condition, after @seconds. */
#define ls_test_wait_until_for(seconds, condition, data)                       \
  ls_test_wait_until_named ((seconds), (condition), #condition, (data),        \
                            __FILE__, __LINE__)
#define ls_test_wait_until(condition, data)                                    \
  ls_test_wait_until_for (LS_TEST_TIMEOUT, condition, data)

/* clang-format off */
void       ls_test_init_gtk          (int         *argc,
                                      char      ***argv);
void       ls_test_wait_until_named  (guint        seconds,
                                      LsTestCondition condition,
                                      const char  *name,
                                      gpointer     data,
                                      const char  *file,
                                      int          line);
void       ls_test_run_for           (guint        ms);
void       ls_test_drain_events      (void);
void       ls_test_destroy_windows   (void);
void       ls_test_use_language      (const char  *language);
void       ls_test_use_dark          (gboolean     dark);
void       ls_test_use_title_buttons (const char  *layout);
void       ls_test_use_high_contrast (gboolean     high_contrast);
void       ls_test_wait_for_frames   (GtkWidget   *widget,
                                      guint        frames);
char      *ls_test_save_screenshot   (GtkWidget   *widget,
                                      const char  *name);
GtkWidget *ls_test_find_label        (GtkWidget   *root,
                                      const char  *text);
gboolean   ls_test_widget_has_text   (GtkWidget   *root,
                                      const char  *text);
GtkWidget *ls_test_find_row          (GtkWidget   *root,
                                      const char  *title);
void       ls_test_set_row_text      (GtkWidget   *root,
                                      const char  *title,
                                      const char  *text);
GtkWidget *ls_test_find_by_type      (GtkWidget   *root,
                                      GType        type,
                                      guint        nth);
char      *ls_test_strip_mnemonic    (const char  *text);
char      *ls_test_dup_plain         (const char  *shown);
gboolean   ls_test_reads_as          (const char  *shown,
                                      const char  *text);
void       ls_test_click             (GtkWidget   *root,
                                      const char  *label);
GtkWidget *ls_test_find_toplevel     (GType        type);
GtkPopover *ls_test_open_main_menu   (GtkWidget   *window);
gboolean   ls_test_press_key         (GtkWidget   *window,
                                      guint        keyval,
                                      GdkModifierType modifiers);
/* clang-format on */

G_END_DECLS
