/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ls-form-preview.h"
#include "ls-form-test-utils.h"
#include "ls-test-utils.h"

typedef struct
{
  GtkWindow *window;
  LsFormPreview *preview;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 640, 800);
  f->preview = LS_FORM_PREVIEW (ls_form_preview_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->preview));
  gtk_window_present (f->window);
  ls_test_wait_for_frames (GTK_WIDGET (f->window), 2);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GBytes *
dup_form_pdf (gboolean long_description)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  GBytes *bytes;

  if (long_description)
    {
      g_autoptr (GString) text = g_string_new (NULL);

      for (guint i = 0; text->len < 20000; i++)
        g_string_append_printf (text, "ord%u ", i);
      ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_DESCRIPTION,
                                     text->str);
    }
  doc = ls_notification_form_build_document (form);
  bytes = ls_form_document_to_pdf_bytes (doc, &error);
  g_assert_no_error (error);

  return bytes;
}

static guint
count_pdf_pages (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) pdf =
      poppler_document_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  return poppler_document_get_n_pages (pdf);
}

static gboolean
pages_loaded (gpointer data)
{
  Fixture *f = data;

  return !ls_form_preview_get_loading (f->preview);
}

/* Until the pages are drawn in their thread and shown. */
static void
wait_until_loaded (Fixture *f)
{
  ls_test_wait_until (pages_loaded, f);
  ls_test_wait_for_frames (GTK_WIDGET (f->window), 3);
}

/* Lets the zoom settle and the pages be drawn again at it. */
static void
wait_a_while (Fixture *f, guint ms)
{
  ls_test_run_for (ms);
  ls_test_wait_for_frames (GTK_WIDGET (f->window), 2);
}

static const char *
visible_state (Fixture *f)
{
  GtkWidget *stack =
      ls_test_find_by_type (GTK_WIDGET (f->preview), GTK_TYPE_STACK, 0);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static GtkWidget *
nth_page (Fixture *f, guint n)
{
  return ls_test_find_by_type (GTK_WIDGET (f->preview), GTK_TYPE_PICTURE, n);
}

static GtkWidget *
find_action_button (Fixture *f, const char *action)
{
  GtkWidget *button;

  for (guint i = 0; (button = ls_test_find_by_type (
                         GTK_WIDGET (f->preview), GTK_TYPE_BUTTON, i)) != NULL;
       i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                   action) == 0)
      return button;

  g_error ("no button for %s", action);
}

/* Every page of the PDF is a picture with its page drawn, one below the
 * other. */
static void
assert_pages_shown (Fixture *f, guint expected)
{
  int last_y = -1;

  g_assert_cmpuint (ls_form_preview_get_n_pages (f->preview), ==, expected);
  for (guint i = 0; i < expected; i++)
    {
      GtkWidget *picture = nth_page (f, i);
      GdkPaintable *paintable;
      graphene_rect_t bounds;

      g_assert_nonnull (picture);
      paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
      g_assert_true (GDK_IS_TEXTURE (paintable));
      /* an A4 page, upright */
      g_assert_cmpfloat (gdk_paintable_get_intrinsic_aspect_ratio (paintable),
                         >, 0.70);
      g_assert_cmpfloat (gdk_paintable_get_intrinsic_aspect_ratio (paintable),
                         <, 0.71);
      g_assert_true (gtk_widget_compute_bounds (
          picture, gtk_widget_get_parent (picture), &bounds));
      g_assert_cmpfloat (bounds.size.width, >, 100);
      g_assert_cmpfloat (bounds.origin.y, >, last_y);
      last_y = (int) (bounds.origin.y + bounds.size.height);
    }
  g_assert_null (nth_page (f, expected));
}

static void
test_shows_every_page (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) short_pdf = dup_form_pdf (FALSE);
  g_autoptr (GBytes) long_pdf = dup_form_pdf (TRUE);
  guint n_long = count_pdf_pages (long_pdf);

  g_assert_cmpstr (visible_state (f), ==, "empty");
  g_assert_cmpuint (ls_form_preview_get_n_pages (f->preview), ==, 0);

  ls_form_preview_set_pdf (f->preview, short_pdf);
  g_assert_true (ls_form_preview_get_loading (f->preview));
  wait_until_loaded (f);
  g_assert_cmpstr (visible_state (f), ==, "pages");
  assert_pages_shown (f, count_pdf_pages (short_pdf));
  g_assert_cmpuint (ls_form_preview_get_n_pages (f->preview), ==, 2);
  g_free (ls_test_save_screenshot (GTK_WIDGET (f->window), "form-preview"));

  /* another PDF replaces the pages */
  g_assert_cmpuint (n_long, >, 5);
  ls_form_preview_set_pdf (f->preview, long_pdf);
  wait_until_loaded (f);
  assert_pages_shown (f, n_long);
  g_assert_true (ls_form_preview_get_pdf (f->preview) == long_pdf);

  /* and nothing empties them */
  ls_form_preview_set_pdf (f->preview, NULL);
  g_assert_cmpstr (visible_state (f), ==, "empty");
  g_assert_cmpuint (ls_form_preview_get_n_pages (f->preview), ==, 0);
  g_assert_null (nth_page (f, 0));
}

static void
test_zoom (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) pdf = dup_form_pdf (FALSE);
  GtkWidget *page;
  int fit_width, zoomed_width, smaller_width;
  double fit_zoom;
  GdkPaintable *paintable;

  ls_form_preview_set_pdf (f->preview, pdf);
  wait_until_loaded (f);

  g_assert_true (
      gtk_widget_get_sensitive (find_action_button (f, "preview.zoom-in")));
  /* already fitting the width */
  g_assert_false (
      gtk_widget_get_sensitive (find_action_button (f, "preview.zoom-fit")));

  /* at first the pages are as wide as the view */
  g_assert_true (ls_form_preview_get_fit_width (f->preview));
  page = nth_page (f, 0);
  fit_width = gtk_widget_get_width (page);
  fit_zoom = ls_form_preview_get_zoom (f->preview);
  g_assert_cmpint (fit_width, >, 500);
  g_assert_cmpint (fit_width, <, 640);
  g_assert_cmpfloat_with_epsilon (fit_zoom, fit_width / (595.28 * 96 / 72),
                                  0.01);
  {
    g_autofree char *percent =
        g_strdup_printf ("%d %%", (int) (fit_zoom * 100 + 0.5));

    /* the label says the zoom that fits */
    g_assert_true (ls_test_widget_has_text (GTK_WIDGET (f->preview), percent));
  }

  gtk_widget_activate_action (GTK_WIDGET (f->preview), "preview.zoom-in", NULL);
  wait_a_while (f, 400);
  g_assert_false (ls_form_preview_get_fit_width (f->preview));
  g_assert_cmpfloat (ls_form_preview_get_zoom (f->preview), >, fit_zoom);
  zoomed_width = gtk_widget_get_width (nth_page (f, 0));
  g_assert_cmpint (zoomed_width, >, fit_width);
  g_assert_cmpint (gtk_widget_get_height (nth_page (f, 0)), >,
                   zoomed_width * 1.4);
  /* drawn again, sharp at the new size */
  paintable = gtk_picture_get_paintable (GTK_PICTURE (nth_page (f, 0)));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), >=,
                   zoomed_width * 0.85);
  g_free (
      ls_test_save_screenshot (GTK_WIDGET (f->window), "form-preview-zoomed"));

  gtk_widget_activate_action (GTK_WIDGET (f->preview), "preview.zoom-out",
                              NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->preview), "preview.zoom-out",
                              NULL);
  wait_a_while (f, 400);
  smaller_width = gtk_widget_get_width (nth_page (f, 0));
  g_assert_cmpint (smaller_width, <, zoomed_width);

  /* exactly 100 %: the page as on paper at 96 dpi */
  ls_form_preview_set_zoom (f->preview, 1.0);
  wait_a_while (f, 200);
  g_assert_cmpint (gtk_widget_get_width (nth_page (f, 0)), ==,
                   (int) (595.28 * 96 / 72 + 0.5));

  gtk_widget_activate_action (GTK_WIDGET (f->preview), "preview.zoom-fit",
                              NULL);
  wait_a_while (f, 200);
  g_assert_true (ls_form_preview_get_fit_width (f->preview));
  g_assert_cmpint (gtk_widget_get_width (nth_page (f, 0)), ==, fit_width);
}

/* Something that is not a PDF says so instead of showing pages. */
static void
test_error_state (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) junk = g_bytes_new_static ("%PDF-1.5 no more", 16);
  GtkWidget *status;

  ls_form_preview_set_pdf (f->preview, junk);
  wait_until_loaded (f);
  g_assert_cmpstr (visible_state (f), ==, "error");
  g_assert_cmpuint (ls_form_preview_get_n_pages (f->preview), ==, 0);
  status =
      ls_test_find_by_type (GTK_WIDGET (f->preview), ADW_TYPE_STATUS_PAGE, 1);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "The Form Cannot Be Shown");
  g_assert_nonnull (
      strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
              "The PDF cannot be shown"));
  /* nothing to zoom */
  g_assert_false (
      gtk_widget_is_visible (find_action_button (f, "preview.zoom-in")));
  g_assert_false (
      gtk_widget_get_sensitive (find_action_button (f, "preview.zoom-in")));
  g_assert_false (
      gtk_widget_get_sensitive (find_action_button (f, "preview.zoom-out")));
  g_free (
      ls_test_save_screenshot (GTK_WIDGET (f->window), "form-preview-error"));
}

/* The app's style sheet, which AdwApplication loads by itself. */
static void
load_app_style (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider,
                                       "/com/example/LexSarah/style.css");
  gtk_style_context_add_provider_for_display (
      gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int argc, char *argv[])
{
  ls_test_init_gtk (&argc, &argv);
  load_app_style ();

  g_test_add ("/form-preview/shows-every-page", Fixture, NULL, fixture_set_up,
              test_shows_every_page, fixture_tear_down);
  g_test_add ("/form-preview/zoom", Fixture, NULL, fixture_set_up, test_zoom,
              fixture_tear_down);
  g_test_add ("/form-preview/error", Fixture, NULL, fixture_set_up,
              test_error_state, fixture_tear_down);

  return g_test_run ();
}
