/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ls-case-row.h"
#include "ls-cli.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"
#include "ls-window.h"

/* Helpers for tests that drive the application: databases made for a
 * test, and waiting for what happens off the main loop. */

static const char *const database_suffixes[] = { "", "-wal", "-shm" };
static GPtrArray *made_databases;

static void
unlink_database (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (database_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, database_suffixes[i], NULL);

      g_unlink (file);
    }
}

/* A test that ends normally takes its databases with it; one that fails
 * leaves them to be looked at. */
static void
unlink_made_databases (void)
{
  for (guint i = 0; i < made_databases->len; i++)
    unlink_database (made_databases->pdata[i]);
  g_clear_pointer (&made_databases, g_ptr_array_unref);
}

/* A new database BUILDDIR/databases/NAME-PID.db, with the exchange
 * document @document (relative to the source root) imported when given.
 * The process's number keeps apart the programs whose tests run one per
 * process, several at once. */
char *
ls_test_make_database (const char *name, const char *document)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (LS_TEST_BUILDDIR, "databases", NULL);
  g_autofree char *basename =
      g_strdup_printf ("%s-%d.db", name, (int) getpid ());
  char *path = g_build_filename (dir, basename, NULL);

  g_mkdir_with_parents (dir, 0700);
  unlink_database (path);
  if (made_databases == NULL)
    {
      made_databases = g_ptr_array_new_with_free_func (g_free);
      atexit (unlink_made_databases);
    }
  g_ptr_array_add (made_databases, g_strdup (path));

  if (document != NULL)
    {
      g_autofree char *source =
          g_build_filename (LS_TEST_SRCDIR, "..", document, NULL);
      gboolean imported = ls_cli_import (path, source, "Test", NULL, &error);

      g_assert_no_error (error);
      g_assert_true (imported);
    }
  return path;
}

static gboolean
store_settled (gpointer data)
{
  LsApplication *app = data;

  return ls_application_get_store_error (app) != NULL ||
         (ls_application_get_store (app) != NULL &&
          ls_application_get_organisation (app) != NULL);
}

/* Waits until the database of @app is open, or refused. */
void
ls_test_wait_for_store (LsApplication *app)
{
  ls_test_wait_until (store_settled, app);
}

/* Makes @app work on @path and waits until it is open, or refused. */
void
ls_test_open_database (LsApplication *app, const char *path)
{
  ls_application_open_database (app, path);
  ls_test_wait_for_store (app);
}

/**
 * ls_test_start_app:
 * @path: (nullable): the database the app works on
 *
 * A test program's app: registered, and with @path its database open
 * without an error.
 *
 * Returns: (transfer full): the app
 */
LsApplication *
ls_test_start_app (const char *path)
{
  g_autoptr (GError) error = NULL;
  LsApplication *app = ls_application_new ();

  if (path != NULL)
    ls_application_open_database (app, path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  if (path == NULL)
    return app;
  ls_test_wait_for_store (app);
  g_assert_no_error (ls_application_get_store_error (app));
  g_assert_nonnull (ls_application_get_store (app));
  return app;
}

/* A new main window of @app, @width by @height, presented and drawn. */
GtkWidget *
ls_test_open_window (LsApplication *app, int width, int height)
{
  GtkWidget *window = GTK_WIDGET (ls_window_new (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ls_test_wait_for_frames (window, 2);
  return window;
}

/* A toplevel window of @type other than @except, or NULL. */
GtkWindow *
ls_test_find_window (GType type, GtkWindow *except)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && l->data != except)
      return l->data;
  return NULL;
}

static const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return NULL;
}

/* The label or inscription on screen (mapped, not merely on a hidden page
 * of a stack) that shows exactly @text, or NULL. */
GtkWidget *
ls_test_find_text (GtkWidget *root, const char *text)
{
  GtkWidget *child;

  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (ls_test_reads_as (shown_text (root), text))
    return root;
  /* A case's row draws its texts itself. */
  if (LS_IS_CASE_ROW (root))
    for (guint i = 0; i < LS_CASE_ROW_N_TEXTS; i++)
      if (ls_test_reads_as (ls_case_row_get_text (LS_CASE_ROW (root), i), text))
        return root;
  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ls_test_find_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
ls_test_shows_text (GtkWidget *root, const char *text)
{
  return ls_test_find_text (root, text) != NULL;
}

typedef struct
{
  GtkWidget *root;
  const char *text;
} TextQuery;

static gboolean
text_shown (gpointer data)
{
  TextQuery *query = data;

  return ls_test_shows_text (query->root, query->text);
}

static gboolean
text_gone (gpointer data)
{
  return !text_shown (data);
}

/* Until @text is on screen under @root. */
void
ls_test_wait_for_text (GtkWidget *root, const char *text)
{
  TextQuery query = { root, text };
  g_autofree char *what = g_strdup_printf ("“%s” shown", text);

  ls_test_wait_until_named (LS_TEST_TIMEOUT, text_shown, what, &query, __FILE__,
                            __LINE__);
}

/* Until @text is no longer on screen under @root. */
void
ls_test_wait_without_text (GtkWidget *root, const char *text)
{
  TextQuery query = { root, text };
  g_autofree char *what = g_strdup_printf ("“%s” gone", text);

  ls_test_wait_until_named (LS_TEST_TIMEOUT, text_gone, what, &query, __FILE__,
                            __LINE__);
}
