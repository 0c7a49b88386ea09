/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "ls-application.h"
#include "ls-core-test.h"
#include "ls-sqlite-store-private.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"

/* The overview's list reads on a connection of its own: with another
 * program holding the write lock, and the app's own save waiting for it
 * in a worker (holding the store's writer), the list still counts, shows
 * and scrolls to its oldest case.  Were the list to read through the
 * writer, the main loop would wait for that save, and the rows would come
 * only once the save had given up. */

#define N_CASES 600

static LsApplication *app;
static char *dir;
static char *path;

typedef struct
{
  GMutex mutex;
  GCond cond;
  gboolean writer_waits;
  gboolean done;
  gboolean saved;
} Writer;

static void
writer_waits_cb (gpointer user_data)
{
  Writer *writer = user_data;

  g_mutex_lock (&writer->mutex);
  writer->writer_waits = TRUE;
  g_cond_signal (&writer->cond);
  g_mutex_unlock (&writer->mutex);
}

static gpointer
save_thread (gpointer user_data)
{
  Writer *writer = user_data;
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (N_CASES + 1);

  writer->saved = ls_store_save_case (ls_application_get_store (app), lcase,
                                      "Maria Lind", NULL);
  g_atomic_int_set (&writer->done, TRUE);
  return NULL;
}

static GtkWidget *
case_list (GtkWidget *window)
{
  GtkWidget *list = ls_test_find_by_type (window, GTK_TYPE_LIST_VIEW, 0);

  g_assert_nonnull (list);
  return list;
}

/* Scrolls the list one screen further down, and says whether the oldest
 * case is in view. */
static gboolean
scrolled_to_oldest (gpointer data)
{
  GtkWidget *list = data;
  GtkAdjustment *adjustment =
      gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  if (ls_test_shows_text (list, "VON-2026-00001"))
    return TRUE;
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) +
                                gtk_adjustment_get_page_size (adjustment));
  return FALSE;
}

static void
test_list_beside_writer (void)
{
  GtkWidget *window = ls_test_open_window (app, 1100, 720);
  GtkWidget *list = case_list (window);
  sqlite3 *other = ls_core_test_open_raw (path);
  Writer writer = { 0 };
  GThread *thread;

  ls_test_wait_for_text (list, "VON-2026-00600");

  g_mutex_init (&writer.mutex);
  g_cond_init (&writer.cond);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  ls_sqlite_store_set_busy_hook (
      LS_SQLITE_STORE (ls_application_get_store (app)), writer_waits_cb,
      &writer);
  thread = g_thread_new ("save", save_thread, &writer);
  g_mutex_lock (&writer.mutex);
  while (!writer.writer_waits)
    g_cond_wait (&writer.cond, &writer.mutex);
  g_mutex_unlock (&writer.mutex);

  /* The whole list, scrolled to its end, while the writer waits. */
  ls_test_wait_until (scrolled_to_oldest, list);
  g_assert_true (ls_test_shows_text (window, "600 cases"));
  g_assert_false (g_atomic_int_get (&writer.done));

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_thread_join (thread);
  g_assert_true (writer.saved);
  ls_sqlite_store_set_busy_hook (
      LS_SQLITE_STORE (ls_application_get_store (app)), NULL, NULL);
  sqlite3_close (other);
  g_mutex_clear (&writer.mutex);
  g_cond_clear (&writer.cond);
  ls_test_destroy_windows ();
}

static void
make_database (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (N_CASES);
  g_autoptr (LsStore) store = NULL;

  dir = ls_core_test_make_tmpdir ("overview-writer");
  path = g_build_filename (dir, "cases.db", NULL);
  store = ls_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (
      ls_store_import_document (store, document, "Maria", NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  int status;

  ls_test_init_gtk (&argc, &argv);
  make_database ();
  app = ls_test_start_app (path);

  g_test_add_func ("/overview/list-beside-writer", test_list_beside_writer);
  status = g_test_run ();

  g_clear_object (&app);
  ls_core_test_remove_tree (dir);
  g_free (dir);
  g_free (path);
  return status;
}
