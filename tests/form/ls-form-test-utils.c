/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-form-test"

#include "config.h"

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
 * not the test's. */
char *
ls_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
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
