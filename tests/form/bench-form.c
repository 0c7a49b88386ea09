/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "ls-bench.h"
#include "ls-form-test-utils.h"

/* Benchmark of the notification form: the median time to lay out and render
 * the example to a PDF in memory, against a floor that draws the same
 * strings with bare Pango and Cairo at fixed positions, with no layout
 * logic, into the same kind of PDF.  The ratio is the price of the layout
 * engine; the target is under 1.5.  LS_BENCH_RUNS sets the number of runs
 * (41 by default).
 *
 * Then a description of 100 kB and of 1 MB, sentences without a line break,
 * through the whole form to a PDF: the renderer is linear in the text's
 * length when the second takes ten times the first. */

static const char *const fixed_strings[] = {
  "ANMÄLAN – lex Sarah",
  "enligt 14 kap. 7 § SoL",
  "ett allvarligt missförhållande",
  "en påtaglig risk för ett allvarligt missförhållande",
  "Anmälan görs till den avdelning inom Inspektionen för vård och omsorg "
  "(IVO) som har tillsyn över den verksamhet där det allvarliga "
  "missförhållandet har inträffat eller risken för ett allvarligt "
  "missförhållande har förelegat.",
  "Mottagare",
  "Inspektionen för vård och omsorg (IVO)",
  "Anmälan görs av",
  "Nämnd",
  "Enskild verksamhet",
  "Statens institutionsstyrelse",
  "Var och när har det allvarliga missförhållandet inträffat eller risken "
  "för ett allvarligt missförhållande förelegat",
  "Berörda enskilda har underrättats om anmälan om det allvarliga "
  "missförhållandet eller risken för ett allvarligt missförhållande",
  "Bifogade handlingar",
  "Slutförd utredning enligt 14 kap. 6 § SoL",
  "Slutförd utredning enligt 24 e § LSS",
  "Gällande rutiner i verksamheten som är av betydelse för det aktuella "
  "missförhållandet",
  "Vilka handlingar",
  "ANMÄLAN – lex Sarah enligt 14 kap. 7 § SoL – Avsändarens diarienummer: "
  "SN 2026/0142",
  "Blankett enligt bilaga till SOSFS 2011:5",
  "Sida 1 av 2",
  "Blankett enligt bilaga till SOSFS 2011:5",
  "Sida 2 av 2",
};

static cairo_status_t
discard_cb (void *closure, const unsigned char *data, unsigned int length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static double
time_engine (LsNotificationForm *form, gsize *size)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (LsFormDocument) doc = ls_notification_form_build_document (form);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = ls_form_document_to_pdf_bytes (doc, &error);

  g_assert_no_error (error);
  *size = g_bytes_get_size (bytes);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
show (cairo_t *cr,
      PangoContext *context,
      const char *font,
      const char *text,
      double x,
      double y,
      double width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

/* The same strings in the same fonts, two pages, each string once at a
 * position fixed in advance: what any PDF of this text costs. */
static double
time_floor (LsNotificationForm *form, gsize *size)
{
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface;
  PangoContext *context;
  cairo_t *cr;
  double y = 40;

  *size = 0;
  surface =
      cairo_pdf_surface_create_for_stream (discard_cb, size, 595.28, 841.89);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_strings); i++)
    {
      show (cr, context, "DejaVu Sans Bold 9.5", fixed_strings[i], 45, y, 505);
      y += 12;
    }
  for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
    {
      const char *value = ls_notification_form_get_text (form, i);

      if (y > 700)
        {
          cairo_show_page (cr);
          y = 40;
        }
      show (cr, context, "DejaVu Sans 7", ls_notification_field_get_label (i),
            45, y, 505);
      show (cr, context, "DejaVu Sans 9.5", value, 45, y + 9, 505);
      y += strlen (value) > 200 ? 60 : 24;
    }
  cairo_show_page (cr);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_description (LsNotificationForm *form, const char *text)
{
  gsize size;

  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_DESCRIPTION, text);
  return time_engine (form, &size);
}

static void
bench_long_text (guint runs)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (GArray) small = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) large = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *small_text = NULL;
  double small_ms, large_ms;

  for (guint i = 0; text->len < 1000000; i++)
    g_string_append_printf (text, "Mening m%05u. utan radbryt ", i);
  small_text = g_strndup (text->str, 100000);

  time_description (form, small_text);
  for (guint i = 0; i < runs; i++)
    {
      double t = time_description (form, small_text);

      g_array_append_val (small, t);
      t = time_description (form, text->str);
      g_array_append_val (large, t);
    }
  small_ms = ls_bench_median (small);
  large_ms = ls_bench_median (large);
  /* Linear in the text: ten times the text, ten times the time. */
  ls_bench_figure ("description-100kB-to-pdf", small_ms, "ms");
  ls_bench_figure_ratio ("description-1MB-to-pdf", large_ms, "ms",
                         large_ms / small_ms, 10);
}

int
main (int argc, char *argv[])
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (GArray) engine = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  const char *runs_env = g_getenv ("LS_BENCH_RUNS");
  guint runs =
      runs_env != NULL ? (guint) g_ascii_strtoull (runs_env, NULL, 10) : 41;
  gsize engine_size = 0, floor_size = 0;
  double engine_ms, floor_ms;

  runs = MAX (runs, 1);

  /* warm up the font caches of both */
  time_engine (form, &engine_size);
  time_floor (form, &floor_size);

  /* interleaved, so that a busy moment of the machine hits both alike */
  for (guint i = 0; i < runs; i++)
    {
      double t = time_engine (form, &engine_size);

      g_array_append_val (engine, t);
      t = time_floor (form, &floor_size);
      g_array_append_val (bare, t);
    }

  engine_ms = ls_bench_median (engine);
  floor_ms = ls_bench_median (bare);
  g_print ("notification form to PDF, median of %u runs:\n", runs);
  g_print ("  engine: %8.2f ms  (%" G_GSIZE_FORMAT " bytes)\n", engine_ms,
           engine_size);
  g_print ("  floor:  %8.2f ms  (%" G_GSIZE_FORMAT
           " bytes, bare Pango/Cairo)\n",
           floor_ms, floor_size);
  ls_bench_figure_ratio ("form-pdf", engine_ms, "ms", engine_ms / floor_ms,
                         1.5);
  ls_bench_figure ("form-pdf-floor", floor_ms, "ms");

  bench_long_text (MAX (runs / 8, 3));

  return 0;
}
