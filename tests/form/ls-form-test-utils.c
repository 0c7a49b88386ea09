/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-form-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ls-form-test-utils.h"

/* The example of the documentation, built in code: a home for the elderly
 * run by a municipal board, a fall that was not reported on. */
LsNotificationForm *
ls_test_example_form (void)
{
  static const struct
  {
    LsNotificationField field;
    const char *value;
  } values[] = {
    { LS_NOTIFICATION_FIELD_REGNO, "SN 2026/0142" },
    { LS_NOTIFICATION_FIELD_DEPARTMENT, "Avdelning mitt" },
    { LS_NOTIFICATION_FIELD_BOARD_NAME, "Vård- och omsorgsnämnden" },
    { LS_NOTIFICATION_FIELD_BOARD_MUNICIPALITY, "Exempelby" },
    { LS_NOTIFICATION_FIELD_CONTACT_NAME, "Åsa Öberg" },
    { LS_NOTIFICATION_FIELD_CONTACT_TITLE,
      "Medicinskt ansvarig sjuksköterska" },
    { LS_NOTIFICATION_FIELD_WORKPLACE, "Vård- och omsorgsförvaltningen" },
    { LS_NOTIFICATION_FIELD_POSTAL_ADDRESS, "Box 123" },
    { LS_NOTIFICATION_FIELD_POSTCODE, "123 45" },
    { LS_NOTIFICATION_FIELD_TOWN, "Exempelby" },
    { LS_NOTIFICATION_FIELD_PHONE, "0123-456 78" },
    { LS_NOTIFICATION_FIELD_EMAIL, "asa.oberg@exempelby.example" },
    { LS_NOTIFICATION_FIELD_UNIT,
      "Solgårdens vård- och omsorgsboende, avd. 2" },
    { LS_NOTIFICATION_FIELD_ACTIVITY_TYPE, "Särskilt boende för äldre" },
    { LS_NOTIFICATION_FIELD_UNIT_STREET, "Solvägen 7" },
    { LS_NOTIFICATION_FIELD_UNIT_POSTCODE, "123 46" },
    { LS_NOTIFICATION_FIELD_UNIT_TOWN, "Exempelby" },
    { LS_NOTIFICATION_FIELD_UNIT_PHONE, "0123-456 90" },
    { LS_NOTIFICATION_FIELD_OCCURRED, "2026-03-01, söndag, kl. 22.30" },
    { LS_NOTIFICATION_FIELD_DESCRIPTION,
      "En boende med hög fallrisk larmade med sitt trygghetslarm kl. 22.30. "
      "Larmet kom inte fram till nattpersonalen eftersom larmmottagaren "
      "hade slutat fungera efter ett programbyte samma dag. Den boende "
      "hittades på golvet vid morgonrundan kl. 06.15, nedkyld och med en "
      "höftfraktur.\n\n"
      "Konsekvenser för den enskilde: smärta under en hel natt, operation "
      "och en lång rehabilitering. Risken fanns för alla boende på "
      "avdelningen under natten." },
    { LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING,
      "Avdelningen har 12 platser. Dagtid arbetar fyra undersköterskor, "
      "kvällstid tre och nattetid en undersköterska som delar en "
      "nattpatrull med två andra avdelningar. Enhetschefen ansvarar för "
      "tre avdelningar." },
    { LS_NOTIFICATION_FIELD_STAFF_DETAILS,
      "Nattpersonalen är utbildade undersköterskor, tillsvidareanställda, "
      "med 3 till 11 års tjänstgöring. Ingen hade fått information om "
      "programbytet i larmsystemet." },
    { LS_NOTIFICATION_FIELD_ACTIONS,
      "Omedelbart: larmmottagarna byttes och alla larm provades samma "
      "morgon. Rutinen för byte av programvara kräver nu provlarm från varje "
      "rum innan arbetet godkänns, och nattpersonalen gör en extra "
      "tillsynsrunda tills vidare. Uppföljning med den enskilde och "
      "anhöriga efter tre månader." },
    { LS_NOTIFICATION_FIELD_DATE, "2026-03-04" },
    { LS_NOTIFICATION_FIELD_NAME_IN_PRINT, "Åsa Öberg" },
  };
  LsNotificationForm *form = ls_notification_form_new ();

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    ls_notification_form_set_text (form, values[i].field, values[i].value);
  ls_notification_form_set_regime (form, LS_NOTIFICATION_REGIME_SOL);
  ls_notification_form_set_kind (form, LS_NOTIFICATION_KIND_WRONGDOING);
  ls_notification_form_set_sender (form, LS_NOTIFICATION_SENDER_BOARD);
  ls_notification_form_set_informed (form, TRUE);
  ls_notification_form_set_attachments (
      form, LS_NOTIFICATION_ATTACHMENT_INVESTIGATION |
                LS_NOTIFICATION_ATTACHMENT_ROUTINES);

  return form;
}

PopplerDocument *
ls_test_render_to_poppler (LsFormDocument *doc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = ls_form_document_to_pdf_bytes (doc, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  return pdf;
}

char *
ls_test_dup_page_text (PopplerDocument *pdf, guint page)
{
  g_autoptr (PopplerPage) p = poppler_document_get_page (pdf, page);

  g_assert_nonnull (p);
  return poppler_page_get_text (p);
}

char *
ls_test_dup_all_text (PopplerDocument *pdf)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *text = ls_test_dup_page_text (pdf, i);

      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }

  return g_string_free (all, FALSE);
}

/* Without any white space: where a line wraps is the layout's business,
 * not the test's.  Without invisible format characters too: poppler wraps
 * right-to-left text in directional embeddings. */
char *
ls_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

void
ls_test_assert_in_order (const char *haystack, const char **needles)
{
  g_autofree char *hay = ls_test_squeeze (haystack);
  const char *from = hay;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      g_autofree char *needle = ls_test_squeeze (needles[i]);
      const char *found = strstr (from, needle);

      if (found == NULL)
        {
          if (strstr (hay, needle) != NULL)
            g_error ("“%s” is out of order", needles[i]);
          g_error ("“%s” is missing", needles[i]);
        }
      from = found + strlen (needle);
    }
}

cairo_surface_t *
ls_test_render_page_image (PopplerDocument *pdf, guint page, double scale)
{
  g_autoptr (PopplerPage) p = poppler_document_get_page (pdf, page);
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  poppler_page_get_size (p, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) (width * scale + 0.5),
                                        (int) (height * scale + 0.5));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (p, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* The mean darkness (0 white, 1 black) of a square given in points. */
double
ls_test_darkness (cairo_surface_t *image, double x, double y, double size)
{
  int stride = cairo_image_surface_get_stride (image);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  double scale = width / 595.28;
  int x0 = (int) (x * scale), y0 = (int) (y * scale);
  int x1 = (int) ((x + size) * scale), y1 = (int) ((y + size) * scale);
  double sum = 0;
  int n = 0;

  for (int j = MAX (y0, 0); j < MIN (y1, height); j++)
    for (int i = MAX (x0, 0); i < MIN (x1, width); i++)
      {
        guint32 px = *(const guint32 *) (data + j * stride + i * 4);
        double grey = (((px >> 16) & 0xff) + ((px >> 8) & 0xff) + (px & 0xff)) /
                      (3 * 255.0);

        sum += 1 - grey;
        n++;
      }

  return n > 0 ? sum / n : 0;
}

/* A4 portrait, 595 x 842 points, on every page. */
void
ls_test_assert_a4 (PopplerDocument *pdf)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, i);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 595.28, 1.0);
      g_assert_cmpfloat_with_epsilon (height, 841.89, 1.0);
    }
}

/* "Sida i av n" on every page, at its foot. */
void
ls_test_assert_page_numbers (PopplerDocument *pdf)
{
  int n = poppler_document_get_n_pages (pdf);

  for (int i = 0; i < n; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *number = g_strdup_printf ("Sida %d av %d", i + 1, n);
      GList *found;
      PopplerRectangle *rect;
      double width, height;

      poppler_page_get_size (page, &width, &height);
      found = poppler_page_find_text (page, number);
      if (found == NULL)
        g_error ("page %d does not say “%s”", i + 1, number);
      g_assert_cmpuint (g_list_length (found), ==, 1);
      /* find_text measures from the bottom of the page */
      rect = found->data;
      g_assert_cmpfloat (rect->y2, <, 60);
      g_assert_cmpfloat (rect->x1, >, width / 2);
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
    }
}

/* Whatever the script, the reader needs no font of their own. */
void
ls_test_assert_fonts_embedded (PopplerDocument *pdf)
{
  PopplerFontInfo *info = poppler_font_info_new (pdf);
  PopplerFontsIter *iter = NULL;
  guint n = 0;

  g_assert_true (
      poppler_font_info_scan (info, poppler_document_get_n_pages (pdf), &iter));
  g_assert_nonnull (iter);
  do
    {
      if (!poppler_fonts_iter_is_embedded (iter))
        g_error ("font “%s” is not embedded",
                 poppler_fonts_iter_get_name (iter));
      n++;
    }
  while (poppler_fonts_iter_next (iter));
  g_assert_cmpuint (n, >, 0);

  poppler_fonts_iter_free (iter);
  poppler_font_info_free (info);
}

/* Each check box the document placed is on its page where it says, with a
 * clear cross when ticked and empty when not: the inside of the box is
 * sampled on the PDF as poppler renders it, so the test sees what a reader
 * sees. */
void
ls_test_assert_checks_drawn (LsFormDocument *doc, PopplerDocument *pdf)
{
  int n_pages = poppler_document_get_n_pages (pdf);
  g_autoptr (GPtrArray) images =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  for (int i = 0; i < n_pages; i++)
    g_ptr_array_add (images, ls_test_render_page_image (pdf, i, 3.0));

  for (guint i = 0; i < ls_form_document_get_n_checks (doc); i++)
    {
      guint page;
      double x, y, size;
      gboolean checked;
      double inside, frame, beside;

      g_assert_true (
          ls_form_document_get_check (doc, i, &page, &x, &y, &size, &checked));
      g_assert_cmpuint (page, <, (guint) n_pages);
      g_assert_cmpfloat (size, >=, 7);

      /* inside the frame, clear of its lines */
      inside =
          ls_test_darkness (images->pdata[page], x + 1.5, y + 1.5, size - 3);
      /* the whole box, frame included: there is a box at all */
      frame =
          ls_test_darkness (images->pdata[page], x - 0.5, y - 0.5, size + 1);
      /* just left of the box is paper */
      beside = ls_test_darkness (images->pdata[page], x - 4, y, 3);

      if (checked && inside < 0.2)
        g_error ("check box %u is ticked but looks empty (%.2f)", i, inside);
      if (!checked && inside > 0.02)
        g_error ("check box %u is not ticked but has marks (%.2f)", i, inside);
      g_assert_cmpfloat (frame, >, 0.15);
      /* a draft's mark runs across the page, beside some boxes too */
      if (ls_form_document_get_watermark (doc) == NULL)
        g_assert_cmpfloat (beside, <, 0.02);
    }
}

typedef struct
{
  int page;
  double x, y; /* top left, in points from the page's top left */
} Spot;

static int
compare_spots (const Spot *a, const Spot *b)
{
  /* Text on one row shares its top within a point or so: then left to
   * right, as a reader goes. */
  if (a->page != b->page)
    return a->page < b->page ? -1 : 1;
  if (a->y < b->y - 1.5)
    return -1;
  if (a->y > b->y + 1.5)
    return 1;
  if (a->x < b->x - 0.5)
    return -1;
  if (a->x > b->x + 0.5)
    return 1;
  return 0;
}

static gint
compare_spots_cb (gconstpointer a, gconstpointer b)
{
  return compare_spots (a, b);
}

/* Where @text is printed on @page, in reading order. */
static GArray *
find_spots (PopplerDocument *pdf, int page, const char *text)
{
  g_autoptr (PopplerPage) p = poppler_document_get_page (pdf, page);
  GArray *spots = g_array_new (FALSE, FALSE, sizeof (Spot));
  GList *found;
  double width, height;

  poppler_page_get_size (p, &width, &height);
  found = poppler_page_find_text_with_options (p, text,
                                               POPPLER_FIND_CASE_SENSITIVE);
  for (GList *l = found; l != NULL; l = l->next)
    {
      PopplerRectangle *rect = l->data;
      /* find_text measures from the bottom of the page */
      Spot spot = { page, rect->x1, height - rect->y2 };

      g_array_append_val (spots, spot);
    }
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  g_array_sort (spots, compare_spots_cb);

  return spots;
}

/* Asserts that the items are printed in the order given, as a reader goes
 * down each page and along each row, each on its page, and each value in
 * its box right under its label.  poppler's own text order mixes the
 * columns of a row, so this goes by where the text is. */
void
ls_test_assert_layout (PopplerDocument *pdf,
                       const LsTestItem *items,
                       guint n_items)
{
  int n_pages = poppler_document_get_n_pages (pdf);
  Spot prev = { 0, -1, -1 };

  for (guint i = 0; i < n_items; i++)
    {
      const LsTestItem *item = &items[i];
      int first = item->page >= 0 ? item->page : prev.page;
      int last = item->page >= 0 ? item->page : n_pages - 1;
      gboolean placed = FALSE;
      Spot label = { 0 };

      g_assert_cmpint (item->page, <, n_pages);
      for (int page = first; page <= last && !placed; page++)
        {
          g_autoptr (GArray) spots = find_spots (pdf, page, item->label);

          for (guint j = 0; j < spots->len && !placed; j++)
            {
              Spot *spot = &g_array_index (spots, Spot, j);

              if (compare_spots (spot, &prev) > 0)
                {
                  label = *spot;
                  placed = TRUE;
                }
            }
        }
      if (!placed)
        g_error ("“%s” is not on page %d after “%s”", item->label, first + 1,
                 i > 0 ? items[i - 1].label : "the top");

      if (item->value != NULL && item->value[0] != '\0')
        {
          g_autoptr (GArray) spots = find_spots (pdf, label.page, item->value);
          gboolean below = FALSE;

          for (guint j = 0; j < spots->len && !below; j++)
            {
              Spot *spot = &g_array_index (spots, Spot, j);

              below = fabs (spot->x - label.x) < 1.0 && spot->y > label.y + 3 &&
                      spot->y < label.y + 24;
            }
          if (!below)
            g_error ("“%s” is not in the box “%s” on page %d", item->value,
                     item->label, label.page + 1);
        }
      prev = label;
    }
}

/* The fraction of pixels that differ visibly between two images of the
 * same size. */
static double
differing_fraction (cairo_surface_t *a, cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  const guint8 *da = cairo_image_surface_get_data (a);
  const guint8 *db = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a);
  int sb = cairo_image_surface_get_stride (b);
  guint64 differing = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *pa = da + y * sa + x * 4;
        const guint8 *pb = db + y * sb + x * 4;

        for (int c = 0; c < 3; c++)
          if (ABS (pa[c] - pb[c]) > 40)
            {
              differing++;
              break;
            }
      }

  return (double) differing / ((double) width * height);
}

/**
 * ls_test_assert_golden:
 * @page: the page, from 0
 * @name: the golden image's file name in tests/form/data
 *
 * Compares a page, rendered by poppler at 72 dpi, with its golden image.
 * A change of the form's look fails this until the image is made again,
 * deliberately, after looking at it:
 *
 *   LS_UPDATE_GOLDEN=1 meson test -C build notification-form case-documents
 *
 * writes the new images into the source tree; commit them with the change.
 * Anti-aliasing may differ a little between machines: up to 0.3 per cent of
 * the pixels may differ by more than a faint grey.
 */
void
ls_test_assert_golden (PopplerDocument *pdf, guint page, const char *name)
{
  g_autofree char *golden_path =
      g_test_build_filename (G_TEST_DIST, "form", "data", name, NULL);
  cairo_surface_t *actual = ls_test_render_page_image (pdf, page, 1.0);
  cairo_surface_t *golden = NULL;
  cairo_surface_t *golden_rgb = NULL;
  cairo_t *cr;
  double fraction;

  if (g_strcmp0 (g_getenv ("LS_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, golden_path), ==,
                       CAIRO_STATUS_SUCCESS);
      g_test_message ("Wrote %s", golden_path);
    }

  golden = cairo_image_surface_create_from_png (golden_path);
  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    g_error ("Cannot read %s: %s", golden_path,
             cairo_status_to_string (cairo_surface_status (golden)));
  g_assert_cmpint (cairo_image_surface_get_width (golden), ==,
                   cairo_image_surface_get_width (actual));
  g_assert_cmpint (cairo_image_surface_get_height (golden), ==,
                   cairo_image_surface_get_height (actual));

  /* the PNG may come back with alpha: compare on white, as paper */
  golden_rgb = cairo_image_surface_create (
      CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (golden),
      cairo_image_surface_get_height (golden));
  cr = cairo_create (golden_rgb);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, golden, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (golden_rgb);

  fraction = differing_fraction (actual, golden_rgb);
  if (fraction > 0.003)
    {
      g_autofree char *actual_name =
          g_strdup_printf ("%.*s-actual.png", (int) strlen (name) - 4, name);
      g_autofree char *actual_path =
          g_build_filename (LS_TEST_BUILDDIR, actual_name, NULL);

      cairo_surface_write_to_png (actual, actual_path);
      g_error ("Page %u differs from %s in %.2f %% of its pixels; see %s",
               page + 1, golden_path, fraction * 100, actual_path);
    }

  cairo_surface_destroy (golden_rgb);
  cairo_surface_destroy (golden);
  cairo_surface_destroy (actual);
}

/* "p0. p1. p2. …" up to @length bytes, so every word can be found. */
char *
ls_test_dup_numbered_words (const char *prefix, gsize length)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; text->len < length; i++)
    g_string_append_printf (text, "%s%u. ", prefix, i);
  g_string_truncate (text, text->len - 1);

  return g_string_free (text, FALSE);
}

/* Every word of @text is somewhere in @haystack, in order. */
void
ls_test_assert_words_in_order (const char *haystack, const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \n", -1);
  g_autoptr (GPtrArray) needles = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (needles, words[i]);
  g_ptr_array_add (needles, NULL);
  ls_test_assert_in_order (haystack, (const char **) needles->pdata);
}
