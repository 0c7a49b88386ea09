/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ls-form-test-utils.h"

/* The layout engine on its own: pages, continuation, metadata, check boxes
 * and writing files.  Every PDF is read back with poppler. */

static void
test_a4_metadata (void)
{
  g_autoptr (LsFormDocument) doc =
      ls_form_document_new ("Titel med å, ä och ö", "Ämnet");
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autoptr (GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) after = NULL;
  g_autoptr (GDateTime) created = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *text = NULL;

  ls_form_document_add_heading (doc, "Rubrik");
  ls_form_document_add_text (doc, "Etikett", "Värde", LS_FORM_TEXT_FLOW, 0);
  pdf = ls_test_render_to_poppler (doc);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  ls_test_assert_a4 (pdf);
  title = poppler_document_get_title (pdf);
  subject = poppler_document_get_subject (pdf);
  creator = poppler_document_get_creator (pdf);
  g_assert_cmpstr (title, ==, "Titel med å, ä och ö");
  g_assert_cmpstr (subject, ==, "Ämnet");
  g_assert_cmpstr (creator, ==, "Lex Sarah " PACKAGE_VERSION);

  /* The moment of the rendering, between the clock read before it and
   * after it, however long it took; the PDF date has whole seconds, so it
   * may lie up to a second before the first reading. */
  after = g_date_time_new_now_utc ();
  created = poppler_document_get_creation_date_time (pdf);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_difference (created, before), >,
                   -G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (created, after), <=, 0);

  text = ls_test_dup_all_text (pdf);
  ls_test_assert_in_order (text, (const char *[]){ "Rubrik", "Etikett", "Värde",
                                                   "Sida 1 av 1", NULL });
}

/* A box that flows breaks across pages where it stands and names itself on
 * every later page; 20,000 characters lose no word. */
static void
test_flowing_text_is_never_cut (void)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Flöde", NULL);
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *long_text = ls_test_dup_numbered_words ("ord", 20000);
  g_autofree char *all = NULL;
  int n_pages;

  ls_form_document_set_running_header (doc, "Löptext överst");
  ls_form_document_add_paragraph (doc, "Inledning", FALSE);
  ls_form_document_add_text (doc, "Beskrivning", long_text, LS_FORM_TEXT_FLOW,
                             100);
  ls_form_document_add_paragraph (doc, "Efteråt", TRUE);
  pdf = ls_test_render_to_poppler (doc);

  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 4);
  g_assert_cmpuint (ls_form_document_get_n_pages (doc), ==, n_pages);
  ls_test_assert_a4 (pdf);
  ls_test_assert_page_numbers (pdf);

  all = ls_test_dup_all_text (pdf);
  ls_test_assert_words_in_order (all, long_text);
  ls_test_assert_in_order (all, (const char *[]){ "Inledning", "Beskrivning",
                                                  "ord0.", "Efteråt", NULL });

  for (int i = 1; i < n_pages; i++)
    {
      g_autofree char *page = ls_test_dup_page_text (pdf, i);

      ls_test_assert_in_order (
          page,
          (const char *[]){ "Löptext överst", "forts. Beskrivning", NULL });
      /* one "forts.", however many pages it runs over */
      g_assert_null (strstr (page, "forts. forts."));
    }
}

/* A box of fixed height keeps its place; what does not fit goes on a
 * continuation page after the form that names the box, and the box says
 * where. */
static void
test_fixed_text_continues_after_the_form (void)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Fast", NULL);
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *long_text = ls_test_dup_numbered_words ("fast", 6000);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *all = NULL;
  g_autofree char *note = NULL;
  int n_pages;

  ls_form_document_add_section_text (doc, "Kortfattad beskrivning", long_text,
                                     LS_FORM_TEXT_FIXED, 120);
  ls_form_document_add_paragraph (doc, "Under rutan", FALSE);
  pdf = ls_test_render_to_poppler (doc);

  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 2);
  ls_test_assert_page_numbers (pdf);

  /* the form itself is one page: the box and what follows it */
  first = ls_test_dup_page_text (pdf, 0);
  note = g_strdup_printf ("forts. på sida %d", 2);
  ls_test_assert_in_order (first,
                           (const char *[]){ "Kortfattad beskrivning", "fast0.",
                                             note, "Under rutan", NULL });
  g_assert_null (strstr (first, "forts. Kortfattad"));

  last = ls_test_dup_page_text (pdf, 1);
  ls_test_assert_in_order (
      last, (const char *[]){ "forts. Kortfattad beskrivning", NULL });

  all = ls_test_dup_all_text (pdf);
  ls_test_assert_words_in_order (all, long_text);
}

/* A box in a row shows at most its lines; the rest continues too. */
static void
test_row_box_continues (void)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Rad", NULL);
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *long_text = ls_test_dup_numbered_words ("rad", 800);
  g_autofree char *first = NULL;
  g_autofree char *all = NULL;
  LsFormBox row[] = {
    { "Kort", "Kort värde", 1, 0, 0 },
    { "Lång", long_text, 1, 2, 0 },
  };

  ls_form_document_add_row (doc, row, G_N_ELEMENTS (row));
  pdf = ls_test_render_to_poppler (doc);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  first = ls_test_dup_page_text (pdf, 0);
  ls_test_assert_in_order (first, (const char *[]){ "Kort", "Lång", "rad0.",
                                                    "forts. på sida 2", NULL });
  all = ls_test_dup_all_text (pdf);
  ls_test_assert_in_order (all, (const char *[]){ "forts. Lång", NULL });
  ls_test_assert_words_in_order (all, long_text);
}

/* A word longer than a line, a page of empty lines and bytes that are not
 * UTF-8: all drawn, none lost, no crash. */
static void
test_awkward_text (void)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Udda", NULL);
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autoptr (GString) word = g_string_new (NULL);
  g_autofree char *newlines = NULL;
  g_autofree char *all = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *squeezed_word = NULL;

  for (guint i = 0; word->len < 20000; i++)
    g_string_append_printf (word, "x%u", i);
  newlines = g_strnfill (400, '\n');

  ls_form_document_add_text (doc, "Ett ord", word->str, LS_FORM_TEXT_FIXED, 80);
  ls_form_document_add_text (doc, "Tomma rader", newlines, LS_FORM_TEXT_FLOW,
                             0);
  ls_form_document_add_text (doc, "Trasig", "före\xff\xfe efter",
                             LS_FORM_TEXT_FLOW, 0);
  pdf = ls_test_render_to_poppler (doc);

  ls_test_assert_page_numbers (pdf);
  all = ls_test_dup_all_text (pdf);
  squeezed = ls_test_squeeze (all);
  squeezed_word = ls_test_squeeze (word->str);
  ls_test_assert_in_order (all, (const char *[]){ "Ett ord", "Tomma rader",
                                                  "Trasig", "före", "efter",
                                                  "forts. Ett ord", NULL });
  /* the long word is split only between pages, never shortened */
  g_assert_cmpuint (strlen (squeezed), >, strlen (squeezed_word));
  for (guint i = 0; i < 2000; i += 97)
    {
      g_autofree char *piece = g_strdup_printf ("x%u", i);

      g_assert_nonnull (strstr (squeezed, piece));
    }
  g_assert_nonnull (strstr (squeezed, "x1999"));
}

static void
test_check_boxes_are_drawn (void)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Kryss", NULL);
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *filler = ls_test_dup_numbered_words ("fyll", 3000);
  const gboolean expected[] = { TRUE, FALSE, FALSE, TRUE };
  LsFormBox details[] = { { "Vilka", "Detaljer", 1, 0, 0 } };

  ls_form_document_add_check (doc, "Ett", TRUE, NULL, 0);
  ls_form_document_add_check (doc, "Två", FALSE, details, 1);
  /* push the last two onto the next page */
  ls_form_document_add_text (doc, "Fyllnad", filler, LS_FORM_TEXT_FLOW, 0);
  ls_form_document_add_space (doc, LS_FORM_PAGE_HEIGHT);
  ls_form_document_add_check (doc, "Tre", FALSE, NULL, 0);
  ls_form_document_add_check (doc, "Fyra", TRUE, details, 1);
  pdf = ls_test_render_to_poppler (doc);

  g_assert_cmpuint (ls_form_document_get_n_checks (doc), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      guint page;
      gboolean checked;

      g_assert_true (ls_form_document_get_check (doc, i, &page, NULL, NULL,
                                                 NULL, &checked));
      g_assert_cmpint (checked, ==, expected[i]);
      g_assert_cmpuint (page, ==, i < 2 ? 0 : 1);
    }
  g_assert_false (
      ls_form_document_get_check (doc, 4, NULL, NULL, NULL, NULL, NULL));
  ls_test_assert_checks_drawn (doc, pdf);
}

/* Pages are laid out once and again only when the document changes. */
static void
test_pagination_is_cached (void)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Cache", NULL);
  g_autofree char *long_text = ls_test_dup_numbered_words ("c", 8000);

  ls_form_document_add_paragraph (doc, "Kort", FALSE);
  g_assert_cmpuint (ls_form_document_paginate (doc), ==, 1);
  g_assert_cmpuint (ls_form_document_get_n_checks (doc), ==, 0);
  ls_form_document_add_check (doc, "Kryss", TRUE, NULL, 0);
  ls_form_document_add_text (doc, "Lång", long_text, LS_FORM_TEXT_FLOW, 0);
  g_assert_cmpuint (ls_form_document_paginate (doc), ==, 2);
  g_assert_cmpuint (ls_form_document_get_n_checks (doc), ==, 1);
  g_assert_cmpuint (ls_form_document_get_n_pages (doc), ==, 2);
}

static void
test_write_pdf (void)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Fil", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ls-form-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  GDir *listing;
  GStatBuf st;

  g_assert_no_error (error);
  path = g_build_filename (dir, "anmälan.pdf", NULL);
  ls_form_document_add_text (doc, "Etikett", "Innehåll", LS_FORM_TEXT_FLOW, 0);
  g_assert_true (ls_form_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);

  /* private to its owner, and no temporary file left beside it */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "anmälan.pdf");
  g_assert_null (g_dir_read_name (listing));
  g_dir_close (listing);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  text = ls_test_dup_all_text (pdf);
  ls_test_assert_in_order (text,
                           (const char *[]){ "Etikett", "Innehåll", NULL });
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_write_pdf_error (void)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Fil", NULL);
  g_autoptr (GError) error = NULL;
  const char *path = "/nonexistent-folder/anmälan.pdf";

  ls_form_document_add_paragraph (doc, "Text", FALSE);
  g_assert_false (ls_form_document_write_pdf (doc, path, &error));
  g_assert_error (error, LS_FORM_ERROR, LS_FORM_ERROR_WRITE);
  /* the message names the file for the user */
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/anmälan.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/form/document/a4-metadata", test_a4_metadata);
  g_test_add_func ("/form/document/flowing-text-never-cut",
                   test_flowing_text_is_never_cut);
  g_test_add_func ("/form/document/fixed-text-continues",
                   test_fixed_text_continues_after_the_form);
  g_test_add_func ("/form/document/row-box-continues", test_row_box_continues);
  g_test_add_func ("/form/document/awkward-text", test_awkward_text);
  g_test_add_func ("/form/document/check-boxes", test_check_boxes_are_drawn);
  g_test_add_func ("/form/document/pagination-cached",
                   test_pagination_is_cached);
  g_test_add_func ("/form/document/write-pdf", test_write_pdf);
  g_test_add_func ("/form/document/write-pdf-error", test_write_pdf_error);

  return g_test_run ();
}
