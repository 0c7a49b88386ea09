/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ls-bench-cases.h"
#include "ls-bench.h"
#include "ls-core-test.h"

/* The start of the whole app as a manager feels it: from the exec of
 * `lexsarah --database FILE` to the first frame that shows the list's
 * rows, and to the first that shows what needs attention now filled, on
 * a database of 100,000 cases (LS_BENCH_CASES sets another number) and on
 * the two cases of docs/example.json; against a bare libadwaita app
 * (bench-bare-app.c) showing a list of as many rows in a window of the
 * same size.  The three are started in turn, each RUNS times after one
 * start to warm the caches, and each run's peak resident memory is read
 * before it quits.  The apps announce those frames on a pipe when asked
 * to (LEXSARAH_ANNOUNCE_FD); their windows are then closed as with the
 * close button, so that the database is closed as it is every day.
 *
 * Usage: bench-cold-start LEXSARAH BARE-APP
 *
 * Targets: the start at 100,000 cases within 1.2 times the start on the
 * example and within 1.5 times the bare app's; the attention panel filled
 * within 1.5 times the list shown; the resident memory at 100,000 cases
 * within 1.2 times the bare app's. */

#define RUNS 5
#define TIMEOUT_MS 120000
#define SETTLE_MS 500
#define DEFAULT_CASES 100000

typedef struct
{
  const char *name;
  char *argv[4];
  gboolean has_attention;
  GArray *rows_ms;
  GArray *attention_ms;
  GArray *memory_mb;
} Subject;

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

/* The peak resident memory of process @pid so far, in MB. */
static double
peak_memory_mb (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

/* The top-level windows of process @pid, as GDK marks them. */
static void
find_windows (Display *display, Window window, pid_t pid, GArray *found)
{
  Atom wm_pid = XInternAtom (display, "_NET_WM_PID", False);
  Window root, parent, *children = NULL;
  unsigned int n_children = 0;
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;

  if (XGetWindowProperty (display, window, wm_pid, 0, 1, False, XA_CARDINAL,
                          &type, &format, &n_items, &after, &data) == Success &&
      data != NULL && n_items == 1 && format == 32 &&
      *(unsigned long *) data == (unsigned long) pid)
    g_array_append_val (found, window);
  if (data != NULL)
    XFree (data);

  if (!XQueryTree (display, window, &root, &parent, &children, &n_children))
    return;
  for (unsigned int i = 0; i < n_children; i++)
    find_windows (display, children[i], pid, found);
  if (children != NULL)
    XFree (children);
}

/* Closes the windows of process @pid as the close button does, so that
 * the app quits as it does every day, closing its database; then waits
 * for it to end. */
static void
quit_app (Display *display, pid_t pid)
{
  g_autoptr (GArray) windows = g_array_new (FALSE, FALSE, sizeof (Window));
  Atom protocols = XInternAtom (display, "WM_PROTOCOLS", False);
  Atom delete = XInternAtom (display, "WM_DELETE_WINDOW", False);
  int status;

  find_windows (display, DefaultRootWindow (display), pid, windows);
  for (guint i = 0; i < windows->len; i++)
    {
      XEvent event = { 0 };

      event.xclient.type = ClientMessage;
      event.xclient.window = g_array_index (windows, Window, i);
      event.xclient.message_type = protocols;
      event.xclient.format = 32;
      event.xclient.data.l[0] = delete;
      event.xclient.data.l[1] = CurrentTime;
      XSendEvent (display, event.xclient.window, False, NoEventMask, &event);
    }
  XFlush (display);
  if (windows->len == 0)
    {
      g_printerr ("Found no window of process %d; stopped it.\n", (int) pid);
      kill (pid, SIGTERM);
    }
  for (guint i = 0; i < 300; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return;
      g_usleep (100 * 1000);
    }
  g_printerr ("Process %d did not quit; killed it.\n", (int) pid);
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
}

/* One start of @subject, until it has announced all it announces. */
static void
run_once (Subject *subject, Display *display, gboolean keep)
{
  g_autoptr (GString) lines = g_string_new (NULL);
  double rows_ms = -1;
  double attention_ms = -1;
  double memory_mb;
  int reader;
  pid_t pid;
  gint64 start = g_get_monotonic_time ();

  pid = ls_core_test_spawn_announcing (subject->argv, &reader);

  while (rows_ms < 0 || (subject->has_attention && attention_ms < 0))
    {
      if (!ls_core_test_read_announced (reader, lines, TIMEOUT_MS))
        g_error ("%s ended or announced nothing for %d s before its rows",
                 subject->name, TIMEOUT_MS / 1000);
      if (rows_ms < 0 && strstr (lines->str, "rows-shown\n") != NULL)
        rows_ms = elapsed_ms (start);
      if (attention_ms < 0 && strstr (lines->str, "attention-filled\n") != NULL)
        attention_ms = elapsed_ms (start);
    }
  close (reader);

  g_usleep (SETTLE_MS * 1000);
  memory_mb = peak_memory_mb (pid);
  quit_app (display, pid);

  if (!keep)
    return;
  ls_bench_add (subject->rows_ms, rows_ms);
  ls_bench_add (subject->memory_mb, memory_mb);
  if (subject->has_attention)
    ls_bench_add (subject->attention_ms, attention_ms);
  g_print ("  %s: rows %.0f ms", subject->name, rows_ms);
  if (subject->has_attention)
    g_print (", attention %.0f ms", attention_ms);
  g_print (", peak resident %.0f MB\n", memory_mb);
}

static char *
example_database (const char *dir)
{
  g_autofree char *name =
      g_strdup_printf ("cold-example-v%d.db", LS_STORE_SCHEMA_VERSION);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = ls_store_open (path, &error);

  g_assert_no_error (error);
  if (ls_store_count_cases (store, NULL, NULL) == 0)
    {
      g_autoptr (JsonNode) example = ls_core_test_load_example ();

      g_assert_true (
          ls_store_import_document (store, example, "Benchmark", NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (ls_store_count_cases (store, NULL, NULL), ==, 2);
  return path;
}

static void
subject_init (Subject *subject,
              const char *name,
              const char *program,
              const char *database)
{
  subject->name = name;
  subject->argv[0] = g_strdup (program);
  if (database != NULL)
    {
      subject->argv[1] = g_strdup ("--database");
      subject->argv[2] = g_strdup (database);
    }
  subject->has_attention = database != NULL;
  subject->rows_ms = g_array_new (FALSE, FALSE, sizeof (double));
  subject->attention_ms = g_array_new (FALSE, FALSE, sizeof (double));
  subject->memory_mb = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
subject_clear (Subject *subject)
{
  for (guint i = 0; i < G_N_ELEMENTS (subject->argv); i++)
    g_free (subject->argv[i]);
  g_array_unref (subject->rows_ms);
  g_array_unref (subject->attention_ms);
  g_array_unref (subject->memory_mb);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_build_filename (LS_TEST_BUILDDIR, "bench", NULL);
  g_autofree char *big_name = NULL;
  g_autofree char *big_path = NULL;
  g_autofree char *example_path = NULL;
  const char *env = g_getenv ("LS_BENCH_CASES");
  guint n_cases =
      env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_CASES;
  Subject bare = { 0 }, example = { 0 }, big = { 0 };
  Subject *subjects[] = { &bare, &example, &big };
  double big_rows, example_rows, bare_rows;
  g_autofree char *big_rows_name = NULL;
  g_autofree char *big_bare_name = NULL;
  g_autofree char *big_attention_name = NULL;
  g_autofree char *big_memory_name = NULL;
  Display *display;

  if (argc != 3)
    {
      g_printerr ("Usage: %s LEXSARAH BARE-APP\n", argv[0]);
      return 2;
    }
  if (n_cases == 0)
    n_cases = DEFAULT_CASES;
  display = XOpenDisplay (NULL);
  g_assert_nonnull (display);

  g_mkdir_with_parents (dir, 0700);
  big_name =
      g_strdup_printf ("cold-%u-v%d.db", n_cases, LS_STORE_SCHEMA_VERSION);
  big_path = g_build_filename (dir, big_name, NULL);
  ls_bench_ensure_database (big_path, n_cases);
  example_path = example_database (dir);

  subject_init (&bare, "bare app", argv[2], NULL);
  subject_init (&example, "Lex Sarah, 2 cases", argv[1], example_path);
  subject_init (&big, "Lex Sarah, many cases", argv[1], big_path);

  /* Once each to warm the caches, then in turn, so that a busy moment of
   * the machine falls on all of them alike. */
  for (guint k = 0; k < G_N_ELEMENTS (subjects); k++)
    run_once (subjects[k], display, FALSE);
  for (guint i = 0; i < RUNS; i++)
    for (guint k = 0; k < G_N_ELEMENTS (subjects); k++)
      run_once (subjects[k], display, TRUE);

  big_rows = ls_bench_median (big.rows_ms);
  example_rows = ls_bench_median (example.rows_ms);
  bare_rows = ls_bench_median (bare.rows_ms);
  big_rows_name = g_strdup_printf ("cold-start-%uk", n_cases / 1000);
  big_bare_name = g_strdup_printf ("cold-start-%uk-vs-bare", n_cases / 1000);
  big_attention_name = g_strdup_printf ("attention-filled-%uk", n_cases / 1000);
  big_memory_name = g_strdup_printf ("memory-%uk", n_cases / 1000);
  g_print ("Medians of %d starts, %u cases and the example's 2:\n", RUNS,
           n_cases);
  ls_bench_figure_ratio (big_rows_name, big_rows, "ms", big_rows / example_rows,
                         1.2);
  ls_bench_figure_ratio (big_bare_name, big_rows, "ms", big_rows / bare_rows,
                         1.5);
  ls_bench_figure_ratio ("cold-start-example", example_rows, "ms",
                         example_rows / bare_rows, 1.5);
  ls_bench_figure ("cold-start-bare", bare_rows, "ms");
  ls_bench_figure_ratio (big_attention_name, ls_bench_median (big.attention_ms),
                         "ms", ls_bench_median (big.attention_ms) / big_rows,
                         1.5);
  ls_bench_figure_ratio (
      "attention-filled-example", ls_bench_median (example.attention_ms), "ms",
      ls_bench_median (example.attention_ms) / example_rows, 1.5);
  ls_bench_figure_ratio (
      big_memory_name, ls_bench_median (big.memory_mb), "MB",
      ls_bench_median (big.memory_mb) / ls_bench_median (bare.memory_mb), 1.2);
  ls_bench_figure_ratio (
      "memory-example", ls_bench_median (example.memory_mb), "MB",
      ls_bench_median (example.memory_mb) / ls_bench_median (bare.memory_mb),
      1.2);
  ls_bench_figure ("memory-bare", ls_bench_median (bare.memory_mb), "MB");

  for (guint k = 0; k < G_N_ELEMENTS (subjects); k++)
    subject_clear (subjects[k]);
  XCloseDisplay (display);
  return 0;
}
