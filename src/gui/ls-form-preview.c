/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-form-preview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gmodule.h>
#include <math.h>

#include "ls-form-document.h"
#include "ls-form-preview.h"
#include "ls-poppler-private.h"

/* Pixels around and between the pages. */
#define PAGE_MARGIN 18
/* 100 % shows a page at its size on paper on a 96 dpi screen. */
#define PX_PER_PT (96.0 / 72.0)
#define MIN_ZOOM 0.25
#define MAX_ZOOM 4.0
/* No page texture wider than this, whatever the zoom: memory. */
#define MAX_TEXTURE_WIDTH 3000
/* A page is drawn again when its texture is this much too small or large
 * for the zoom; in between it is scaled. */
#define RERENDER_TOLERANCE 0.15

static const double zoom_levels[] = {
  0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0,
};

typedef struct
{
  double pt_width, pt_height;
  int width, height, stride;
  GBytes *pixels;
} RenderedPage;

typedef struct
{
  GBytes *pdf;
  double scale;      /* pixels per point */
  GApplication *app; /* held while drawing: see start_render() */
} RenderJob;

struct _LsFormPreview
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkScrolledWindow *scroller;
  GtkWidget *page_column;
  GtkWidget *toolbar;
  GtkLabel *zoom_label;

  GBytes *pdf;
  GCancellable *cancellable;
  gboolean loading;
  GArray *page_sizes; /* graphene_size_t in points, one per page */
  double max_page_width;
  double rendered_scale;

  gboolean fit_width;
  double zoom;       /* chosen, when not fitting the width */
  double shown_zoom; /* the zoom the pages are shown at now */
  guint update_id;
  guint rerender_id;
};

G_DEFINE_FINAL_TYPE (LsFormPreview, ls_form_preview, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PDF,
  PROP_N_PAGES,
  PROP_LOADING,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rendered_page_clear (gpointer data)
{
  RenderedPage *page = data;

  g_clear_pointer (&page->pixels, g_bytes_unref);
}

/* poppler-glib is opened when the first PDF is shown, not linked: with
 * the libraries it loads it took 3 MB of every process's memory at
 * start, for a preview most windows never show. */
typedef struct
{
  PopplerDocument *(*document_new_from_bytes) (GBytes *bytes,
                                               const char *password,
                                               GError **error);
  int (*document_get_n_pages) (PopplerDocument *document);
  PopplerPage *(*document_get_page) (PopplerDocument *document, int index);
  void (*page_get_size) (PopplerPage *page, double *width, double *height);
  void (*page_render) (PopplerPage *page, cairo_t *cairo);
} Poppler;

static gpointer
open_poppler (gpointer data)
{
  static Poppler poppler;
  GModule *module = g_module_open (POPPLER_GLIB_SONAME, G_MODULE_BIND_LOCAL);
  struct
  {
    const char *name;
    gpointer *symbol;
  } symbols[] = {
    { "poppler_document_new_from_bytes",
      (gpointer *) &poppler.document_new_from_bytes },
    { "poppler_document_get_n_pages",
      (gpointer *) &poppler.document_get_n_pages },
    { "poppler_document_get_page", (gpointer *) &poppler.document_get_page },
    { "poppler_page_get_size", (gpointer *) &poppler.page_get_size },
    { "poppler_page_render", (gpointer *) &poppler.page_render },
  };

  if (module == NULL)
    {
      g_warning ("Could not open %s: %s", POPPLER_GLIB_SONAME,
                 g_module_error ());
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (!g_module_symbol (module, symbols[i].name, symbols[i].symbol) ||
        *symbols[i].symbol == NULL)
      {
        g_warning ("%s has no %s", POPPLER_GLIB_SONAME, symbols[i].name);
        g_module_close (module);
        return NULL;
      }
  /* Kept open for the life of the process: its types are registered. */
  g_module_make_resident (module);
  return &poppler;
}

/* Returns: (nullable): poppler-glib's functions, from any thread */
static const Poppler *
get_poppler (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, open_poppler, NULL);
}

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  g_bytes_unref (job->pdf);
  g_clear_object (&job->app);
  g_free (job);
}

/* Runs in a worker thread: a PopplerDocument of its own, never shared. */
static void
render_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  const Poppler *poppler = get_poppler ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (GArray) pages = NULL;
  int n_pages;

  if (poppler == NULL)
    {
      g_task_return_new_error (task, LS_FORM_ERROR, LS_FORM_ERROR_INVALID,
                               _ ("The PDF cannot be shown: %s"),
                               POPPLER_GLIB_SONAME);
      return;
    }
  document = poppler->document_new_from_bytes (job->pdf, NULL, &error);
  if (document == NULL)
    {
      g_task_return_new_error (task, LS_FORM_ERROR, LS_FORM_ERROR_INVALID,
                               _ ("The PDF cannot be shown: %s"),
                               error->message);
      return;
    }

  n_pages = poppler->document_get_n_pages (document);
  pages = g_array_sized_new (FALSE, TRUE, sizeof (RenderedPage), n_pages);
  g_array_set_clear_func (pages, rendered_page_clear);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr (PopplerPage) page = poppler->document_get_page (document, i);
      RenderedPage rendered = { 0 };
      cairo_surface_t *surface;
      cairo_t *cr;
      double scale;

      if (g_task_return_error_if_cancelled (task))
        return;
      /* A page poppler cannot read, or poppler's own state torn down
       * while the app quits: say so rather than draw nothing. */
      if (page == NULL)
        {
          g_task_return_new_error (task, LS_FORM_ERROR, LS_FORM_ERROR_INVALID,
                                   _ ("The PDF cannot be shown: page %d "
                                      "cannot be read."),
                                   i + 1);
          return;
        }

      poppler->page_get_size (page, &rendered.pt_width, &rendered.pt_height);
      scale = MIN (job->scale, MAX_TEXTURE_WIDTH / rendered.pt_width);
      rendered.width = MAX ((int) ceil (rendered.pt_width * scale), 1);
      rendered.height = MAX ((int) ceil (rendered.pt_height * scale), 1);

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, rendered.width,
                                            rendered.height);
      cr = cairo_create (surface);
      /* paper is white, whatever the PDF paints */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler->page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      rendered.stride = cairo_image_surface_get_stride (surface);
      rendered.pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                     (gsize) rendered.stride * rendered.height);
      cairo_surface_destroy (surface);
      g_array_append_val (pages, rendered);
    }

  g_task_return_pointer (task, g_steal_pointer (&pages),
                         (GDestroyNotify) g_array_unref);
}

static double
zoom_for_width (LsFormPreview *self, int width)
{
  double zoom = (width - 2 * PAGE_MARGIN) / (self->max_page_width * PX_PER_PT);

  return CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
}

/* The pixels per point the pages need at the zoom they are shown at. */
static double
needed_scale (LsFormPreview *self)
{
  return self->shown_zoom * PX_PER_PT *
         gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
render_done_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
start_render (LsFormPreview *self)
{
  g_autoptr (GTask) task = NULL;
  RenderJob *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->pdf == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  job = g_new0 (RenderJob, 1);
  job->pdf = g_bytes_ref (self->pdf);
  job->scale = needed_scale (self);
  /* The application does not quit while a page is drawn: poppler's own
   * state is torn down when the process ends, under a drawing thread. A
   * cancelled drawing ends at its next page. */
  job->app = g_application_get_default ();
  if (job->app != NULL)
    g_application_hold (g_object_ref (job->app));

  task = g_task_new (self, self->cancellable, render_done_cb, NULL);
  g_task_set_source_tag (task, start_render);
  g_task_set_task_data (task, job, render_job_free);
  g_task_run_in_thread (task, render_thread);
}

static void
set_loading (LsFormPreview *self, gboolean loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
remove_pages (LsFormPreview *self)
{
  GtkWidget *child;
  gboolean had_pages = self->page_sizes->len > 0;

  while ((child = gtk_widget_get_first_child (self->page_column)) != NULL)
    gtk_box_remove (GTK_BOX (self->page_column), child);
  g_array_set_size (self->page_sizes, 0);
  self->rendered_scale = 0;
  if (had_pages)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static void
update_actions (LsFormPreview *self)
{
  gboolean has_pages = self->page_sizes->len > 0;
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 has_pages && self->shown_zoom < MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 has_pages && self->shown_zoom > MIN_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit",
                                 has_pages && !self->fit_width);

  /* Translators: the zoom level of the preview, such as "100 %" */
  text = g_strdup_printf (_ ("%d %%"), (int) round (self->shown_zoom * 100));
  gtk_label_set_text (self->zoom_label, text);
  /* zoom is for pages, not for an empty or an error page */
  gtk_widget_set_visible (self->toolbar, has_pages);
}

/* Once the zoom has settled: sharper or lighter textures.  Until then the
 * pages are scaled, which is fast. */
static gboolean
rerender_cb (gpointer user_data)
{
  LsFormPreview *self = user_data;
  double needed = needed_scale (self);

  self->rerender_id = 0;
  if (self->page_sizes->len > 0 && self->rendered_scale > 0 &&
      fabs (needed / self->rendered_scale - 1) > RERENDER_TOLERANCE)
    start_render (self);

  return G_SOURCE_REMOVE;
}

/* After the zoom changed, outside of any allocation: the label, the
 * buttons, the property. */
static gboolean
update_cb (gpointer user_data)
{
  LsFormPreview *self = user_data;

  self->update_id = 0;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

  g_clear_handle_id (&self->rerender_id, g_source_remove);
  self->rerender_id = g_timeout_add (150, rerender_cb, self);

  return G_SOURCE_REMOVE;
}

static void
schedule_update (LsFormPreview *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_cb, self);
}

static void
show_error (LsFormPreview *self, const GError *error)
{
  remove_pages (self);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  update_actions (self);
}

static void
add_pages (LsFormPreview *self, GArray *pages)
{
  self->max_page_width = 1;
  for (guint i = 0; i < pages->len; i++)
    {
      RenderedPage *page = &g_array_index (pages, RenderedPage, i);
      graphene_size_t size;
      g_autofree char *label =
          g_strdup_printf (_ ("Page %u of %u"), i + 1, pages->len);
      GtkWidget *picture = gtk_picture_new ();

      graphene_size_init (&size, page->pt_width, page->pt_height);
      g_array_append_val (self->page_sizes, size);
      self->max_page_width = MAX (self->max_page_width, page->pt_width);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      /* "form-page" (style.css) makes the card look like paper */
      gtk_widget_add_css_class (picture, "card");
      gtk_widget_add_css_class (picture, "form-page");
      gtk_widget_set_overflow (picture, GTK_OVERFLOW_HIDDEN);
      gtk_box_append (GTK_BOX (self->page_column), picture);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static void
render_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsFormPreview *self = LS_FORM_PREVIEW (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) pages = NULL;
  GtkWidget *child;
  guint i = 0;

  if (job->app != NULL)
    {
      g_application_release (job->app);
      g_clear_object (&job->app);
    }
  pages = g_task_propagate_pointer (G_TASK (result), &error);
  /* a newer PDF, a newer zoom or the widget's end */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);
  if (pages == NULL)
    {
      g_debug ("%s", error->message);
      show_error (self, error);
      return;
    }

  if (self->page_sizes->len != pages->len)
    {
      remove_pages (self);
      add_pages (self, pages);
    }

  for (child = gtk_widget_get_first_child (self->page_column); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      RenderedPage *page = &g_array_index (pages, RenderedPage, i);
      g_autoptr (GdkTexture) texture =
          gdk_memory_texture_new (page->width, page->height, GDK_MEMORY_DEFAULT,
                                  page->pixels, page->stride);

      gtk_picture_set_paintable (GTK_PICTURE (child), GDK_PAINTABLE (texture));
    }

  self->rendered_scale = job->scale;
  gtk_stack_set_visible_child_name (self->stack, "pages");
  gtk_widget_queue_resize (self->page_column);
  update_actions (self);
}

/* The column of pages lays them out itself: centred, at the zoom, or as
 * wide as the view when fitting the width, each page as tall as its width
 * asks. */
static GtkSizeRequestMode
column_request_mode_cb (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static LsFormPreview *
preview_of (GtkWidget *column)
{
  return LS_FORM_PREVIEW (
      gtk_widget_get_ancestor (column, LS_TYPE_FORM_PREVIEW));
}

static void
column_measure_cb (GtkWidget *widget,
                   GtkOrientation orientation,
                   int for_size,
                   int *minimum,
                   int *natural,
                   int *minimum_baseline,
                   int *natural_baseline)
{
  LsFormPreview *self = preview_of (widget);
  double zoom;
  int size = PAGE_MARGIN;

  /* GTK wants every child measured before it is allocated. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_measure (child, orientation, -1, NULL, NULL, NULL, NULL);

  *minimum = *natural = 0;
  if (self == NULL || self->page_sizes->len == 0)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int natural_width =
          (int) ceil (self->max_page_width * PX_PER_PT) + 2 * PAGE_MARGIN;

      if (self->fit_width)
        {
          *minimum = (int) ceil (self->max_page_width * PX_PER_PT * MIN_ZOOM) +
                     2 * PAGE_MARGIN;
          *natural = natural_width;
        }
      else
        {
          *minimum = *natural =
              (int) ceil (self->max_page_width * PX_PER_PT * self->zoom) +
              2 * PAGE_MARGIN;
        }
      return;
    }

  if (!self->fit_width)
    zoom = self->zoom;
  else if (for_size >= 0)
    zoom = zoom_for_width (self, for_size);
  else
    zoom = 1.0;

  for (guint i = 0; i < self->page_sizes->len; i++)
    {
      graphene_size_t *page =
          &g_array_index (self->page_sizes, graphene_size_t, i);

      size += (int) round (page->height * PX_PER_PT * zoom) + PAGE_MARGIN;
    }
  *minimum = *natural = size;
}

static void
column_allocate_cb (GtkWidget *widget, int width, int height, int baseline)
{
  LsFormPreview *self = preview_of (widget);
  double zoom;
  int y = PAGE_MARGIN;
  guint i = 0;

  if (self == NULL || self->page_sizes->len == 0)
    return;

  zoom = self->fit_width ? zoom_for_width (self, width) : self->zoom;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && i < self->page_sizes->len;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      graphene_size_t *page =
          &g_array_index (self->page_sizes, graphene_size_t, i);
      GtkAllocation allocation;

      allocation.width = (int) round (page->width * PX_PER_PT * zoom);
      allocation.height = (int) round (page->height * PX_PER_PT * zoom);
      allocation.x = MAX ((width - allocation.width) / 2, PAGE_MARGIN);
      allocation.y = y;
      gtk_widget_size_allocate (child, &allocation, -1);
      y += allocation.height + PAGE_MARGIN;
    }

  /* Fitting the width, the zoom follows the window; what shows it is
   * updated after the allocation, never during it. */
  if (fabs (zoom - self->shown_zoom) > 0.001)
    {
      self->shown_zoom = zoom;
      schedule_update (self);
    }
}

static void
zoom_in_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LsFormPreview *self = LS_FORM_PREVIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > self->shown_zoom * 1.01)
      {
        ls_form_preview_set_zoom (self, zoom_levels[i]);
        return;
      }
}

static void
zoom_out_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LsFormPreview *self = LS_FORM_PREVIEW (widget);

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < self->shown_zoom * 0.99)
      {
        ls_form_preview_set_zoom (self, zoom_levels[i - 1]);
        return;
      }
}

static void
zoom_fit_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ls_form_preview_set_fit_width (LS_FORM_PREVIEW (widget), TRUE);
}

static void
ls_form_preview_dispose (GObject *object)
{
  LsFormPreview *self = LS_FORM_PREVIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->rerender_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_FORM_PREVIEW);
  /* a plain GtkWidget unparents its children itself */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->pdf, g_bytes_unref);

  G_OBJECT_CLASS (ls_form_preview_parent_class)->dispose (object);
}

static void
ls_form_preview_finalize (GObject *object)
{
  LsFormPreview *self = LS_FORM_PREVIEW (object);

  g_clear_pointer (&self->page_sizes, g_array_unref);

  G_OBJECT_CLASS (ls_form_preview_parent_class)->finalize (object);
}

static void
ls_form_preview_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  LsFormPreview *self = LS_FORM_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PDF:
      g_value_set_boxed (value, self->pdf);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, ls_form_preview_get_n_pages (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->shown_zoom);
      break;

    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_form_preview_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  LsFormPreview *self = LS_FORM_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PDF:
      ls_form_preview_set_pdf (self, g_value_get_boxed (value));
      break;

    case PROP_ZOOM:
      ls_form_preview_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_FIT_WIDTH:
      ls_form_preview_set_fit_width (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_form_preview_class_init (LsFormPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_form_preview_dispose;
  object_class->finalize = ls_form_preview_finalize;
  object_class->get_property = ls_form_preview_get_property;
  object_class->set_property = ls_form_preview_set_property;

  properties[PROP_PDF] = g_param_spec_boxed (
      "pdf", NULL, NULL, G_TYPE_BYTES,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PAGES] =
      g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean (
      "loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] = g_param_spec_double (
      "zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIT_WIDTH] = g_param_spec_boolean (
      "fit-width", NULL, NULL, TRUE,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class,
                                        GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-form-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, LsFormPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, LsFormPreview,
                                        error_page);
  gtk_widget_class_bind_template_child (widget_class, LsFormPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, LsFormPreview,
                                        page_column);
  gtk_widget_class_bind_template_child (widget_class, LsFormPreview, toolbar);
  gtk_widget_class_bind_template_child (widget_class, LsFormPreview,
                                        zoom_label);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL,
                                   zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL,
                                   zoom_out_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL,
                                   zoom_fit_cb);
  /* Ctrl and + is Ctrl, Shift and = on many keyboards */
  gtk_widget_class_add_binding_action (
      widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (
      widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (
      widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (
      widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract,
                                       GDK_CONTROL_MASK, "preview.zoom-out",
                                       NULL);
  gtk_widget_class_add_binding_action (
      widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (
      widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "preview.zoom-fit", NULL);
}

static void
ls_form_preview_init (LsFormPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->page_sizes = g_array_new (FALSE, FALSE, sizeof (graphene_size_t));
  /* until a PDF says otherwise, pages are A4 */
  self->max_page_width = LS_FORM_PAGE_WIDTH;
  self->fit_width = TRUE;
  self->zoom = 1.0;
  self->shown_zoom = 1.0;
  gtk_widget_set_layout_manager (self->page_column,
                                 gtk_custom_layout_new (column_request_mode_cb,
                                                        column_measure_cb,
                                                        column_allocate_cb));
  update_actions (self);
}

/**
 * ls_form_preview_new:
 *
 * Creates a preview showing no PDF yet.
 *
 * Returns: (transfer full): the new preview
 */
GtkWidget *
ls_form_preview_new (void)
{
  return g_object_new (LS_TYPE_FORM_PREVIEW, NULL);
}

/**
 * ls_form_preview_get_pdf:
 *
 * Returns: (transfer none) (nullable): the PDF shown
 */
GBytes *
ls_form_preview_get_pdf (LsFormPreview *self)
{
  g_return_val_if_fail (LS_IS_FORM_PREVIEW (self), NULL);

  return self->pdf;
}

/**
 * ls_form_preview_set_pdf:
 * @pdf: (nullable): a whole PDF file; %NULL or empty shows that there is
 *   nothing to show
 *
 * Shows the pages of @pdf, drawn in a worker thread.  A PDF that cannot be
 * read shows why instead.
 */
void
ls_form_preview_set_pdf (LsFormPreview *self, GBytes *pdf)
{
  g_return_if_fail (LS_IS_FORM_PREVIEW (self));

  if (pdf != NULL && g_bytes_get_size (pdf) == 0)
    pdf = NULL;
  if (self->pdf == pdf)
    return;

  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = pdf != NULL ? g_bytes_ref (pdf) : NULL;
  remove_pages (self);

  if (self->pdf == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      set_loading (self, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      set_loading (self, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      start_render (self);
    }
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PDF]);
}

/**
 * ls_form_preview_get_n_pages:
 *
 * Returns: how many pages are shown, 0 while loading or without a PDF
 */
guint
ls_form_preview_get_n_pages (LsFormPreview *self)
{
  g_return_val_if_fail (LS_IS_FORM_PREVIEW (self), 0);

  return self->page_sizes->len;
}

/**
 * ls_form_preview_get_loading:
 *
 * Returns: whether the pages of a new PDF are still being drawn
 */
gboolean
ls_form_preview_get_loading (LsFormPreview *self)
{
  g_return_val_if_fail (LS_IS_FORM_PREVIEW (self), FALSE);

  return self->loading;
}

/**
 * ls_form_preview_get_zoom:
 *
 * Returns: the zoom the pages are shown at, 1.0 being their size on paper;
 *   when fitting the width, the zoom that fits
 */
double
ls_form_preview_get_zoom (LsFormPreview *self)
{
  g_return_val_if_fail (LS_IS_FORM_PREVIEW (self), 1.0);

  return self->shown_zoom;
}

/**
 * ls_form_preview_set_zoom:
 * @zoom: from 0.25 to 4.0, 1.0 being the size on paper
 *
 * Shows the pages at @zoom, and stops fitting them to the width.
 */
void
ls_form_preview_set_zoom (LsFormPreview *self, double zoom)
{
  g_return_if_fail (LS_IS_FORM_PREVIEW (self));

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (!self->fit_width && fabs (self->zoom - zoom) < 0.0001)
    return;

  if (self->fit_width)
    {
      self->fit_width = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
    }
  self->zoom = zoom;
  self->shown_zoom = zoom;
  gtk_widget_queue_resize (self->page_column);
  update_actions (self);
  schedule_update (self);
}

/**
 * ls_form_preview_get_fit_width:
 *
 * Returns: whether the pages are as wide as the view
 */
gboolean
ls_form_preview_get_fit_width (LsFormPreview *self)
{
  g_return_val_if_fail (LS_IS_FORM_PREVIEW (self), FALSE);

  return self->fit_width;
}

/**
 * ls_form_preview_set_fit_width:
 * @fit_width: whether the pages follow the width of the view
 */
void
ls_form_preview_set_fit_width (LsFormPreview *self, gboolean fit_width)
{
  g_return_if_fail (LS_IS_FORM_PREVIEW (self));

  fit_width = !!fit_width;
  if (self->fit_width == fit_width)
    return;

  self->fit_width = fit_width;
  if (!fit_width)
    self->zoom = self->shown_zoom;
  gtk_widget_queue_resize (self->page_column);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}
