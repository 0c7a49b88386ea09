/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-bidi.h"
#include "ls-case-row.h"
#include "ls-labels.h"

/* One case in the overview's list, drawn from its summary alone: the list
 * must stay smooth with 100,000 cases, so no whole case is ever loaded for
 * a row.
 *
 * One widget that lays out and draws its five texts itself, not a grid of
 * five inscriptions: GTK 4.8's list view makes a new row for every case
 * that comes into view, for every search keystroke too, and each child
 * was a widget and a CSS node to make, style, measure and allocate, five
 * times the work of the row itself (tests/gui/bench-window measures the
 * first frame of a window and a keystroke).  The texts are laid out only
 * when the row's width changes, and drawn as the style classes they had
 * drew them: the numbers below follow libadwaita 1.2's .heading, .caption
 * and .dim-label, and the status pill of style.css. */

#define ROW_SPACING 3
#define COLUMN_SPACING 6

/* .status-pill: padding 1px 8px, a draft's border 1px dashed. */
#define PILL_PADDING_X 8
#define PILL_PADDING_Y 1
#define PILL_DRAFT_BORDER 1
#define PILL_DRAFT_OPACITY 0.8
#define PILL_TINT_ALPHA 0.25
/* .heading and .caption. */
#define HEADING_POINTS 11
#define CAPTION_POINTS 9
/* .dim-label, and in the high-contrast style. */
#define DIM_OPACITY 0.55
#define DIM_OPACITY_HIGH_CONTRAST 0.9

typedef enum
{
  FACE_HEADING,
  FACE_PILL,
  FACE_BODY,
  FACE_CAPTION,
  N_FACES,
} Face;

/* How each text looks, and how many characters wide it is at the least
 * and at its best, so that no text needs laying out to measure a row; the
 * status is as wide as its text, which a pill must be. */
static const struct
{
  Face face;
  guint min_chars;
  guint nat_chars;
  /* Whether its layouts are shared (see shared_layouts). */
  gboolean shared;
} text_styles[LS_CASE_ROW_N_TEXTS] = {
  [LS_CASE_ROW_REGNO] = { FACE_HEADING, 8, 16, FALSE },
  [LS_CASE_ROW_STATUS] = { FACE_PILL, 0, 0, TRUE },
  [LS_CASE_ROW_TITLE] = { FACE_BODY, 10, 36, FALSE },
  [LS_CASE_ROW_META] = { FACE_CAPTION, 6, 24, TRUE },
  [LS_CASE_ROW_DEADLINE] = { FACE_CAPTION, 10, 22, TRUE },
};

/* The tint of each status's pill, from the palette (style.css); a draft
 * is only outlined, since it is not yet a report. */
static const struct
{
  const char *css_class;
  const char *color;
} pill_tints[] = {
  { "status-reported", "blue_3" },
  { "status-investigation", "purple_3" },
  { "status-notified", "orange_3" },
  { "status-closed", "green_3" },
};

typedef struct
{
  PangoFontDescription *font;
  int char_width;
  int height;
} FaceMetrics;

/* The faces' fonts and sizes for one kind of Pango context, with what
 * of the context a layout depends on: its font, font map, resolution,
 * font options and language.  Rows of a window on another display, or of
 * a widget with fonts or font options of its own, lay their texts out
 * differently.  (The scale of the monitor is not among them: GTK 4.8
 * lays text out in the window's units whatever the scale, and draws the
 * same layout at any.) */
typedef struct
{
  /* Unique among all ever made, never 0. */
  guint serial;
  PangoFontDescription *base;
  PangoFontMap *font_map;
  double resolution;
  cairo_font_options_t *options;
  PangoLanguage *language;
  gboolean round_positions;
  FaceMetrics faces[N_FACES];
} Faces;

/* The faces of each kind of context the rows are in, shared by all rows:
 * measuring a font shapes a sample text, too much to do for each of a
 * list's rows.  Rows of two kinds of context take turns without measuring
 * again; a few kinds are kept, all of them emptied when more come. */
#define MAX_FACES 4

static struct
{
  guint serial;
  Faces *entries[MAX_FACES];
  guint n_entries;
} face_cache;

/* The layouts of the texts that many rows show alike, the status, the
 * unit and kind and the deadline, laid out once for all rows of a kind of
 * context (their faces' serial) at each width and direction: each layout
 * is a tenth of a millisecond or more to make, and a frame of the list
 * has a few different ones among its rows, and scrolling and searching
 * bring the same ones back.  Emptied with the faces and when full; a row
 * keeps its own reference to those it draws.  Never changed once laid
 * out. */
#define MAX_SHARED_LAYOUTS 128

static GHashTable *shared_layouts;

typedef struct
{
  int x, y, width, height;
} Box;

struct _LsCaseRow
{
  GtkWidget parent_instance;

  char *texts[LS_CASE_ROW_N_TEXTS];
  PangoLayout *layouts[LS_CASE_ROW_N_TEXTS];
  /* The width each layout was given, -1 for none. */
  int layout_widths[LS_CASE_ROW_N_TEXTS];
  /* Where each text goes, from the last allocation; the status's box is
   * its pill. */
  Box boxes[LS_CASE_ROW_N_TEXTS];
  /* The faces its layouts were made with, found for its Pango context as
   * it was at that serial of the context's. */
  guint faces_serial;
  guint context_serial;
  /* The status's width unbounded, -1 until laid out for its text. */
  int status_width;

  const char *pill_tint;
  gboolean draft;
  LsUrgency urgency;
};

G_DEFINE_FINAL_TYPE (LsCaseRow, ls_case_row, GTK_TYPE_WIDGET)

/* Whether the row shows a deadline: the case has one, whatever its urgency. */
static gboolean
has_deadline (LsCaseRow *self)
{
  return self->urgency != LS_URGENCY_NONE;
}

static void
scale_font (PangoFontDescription *font, double factor)
{
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    return;
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size * factor);
  else
    pango_font_description_set_size (font, (int) (size * factor));
}

static void
measure_face (PangoContext *context, FaceMetrics *face)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (
      context, face->font, pango_context_get_language (context));

  face->char_width = PANGO_PIXELS_CEIL (
      MAX (pango_font_metrics_get_approximate_char_width (metrics),
           pango_font_metrics_get_approximate_digit_width (metrics)));
  face->height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                    pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
}

static void
faces_free (Faces *faces)
{
  pango_font_description_free (faces->base);
  g_object_unref (faces->font_map);
  g_clear_pointer (&faces->options, cairo_font_options_destroy);
  for (guint i = 0; i < N_FACES; i++)
    pango_font_description_free (faces->faces[i].font);
  g_free (faces);
}

/* Every kind of context's faces, and the layouts made with them. */
static void
clear_face_cache (void)
{
  for (guint i = 0; i < face_cache.n_entries; i++)
    g_clear_pointer (&face_cache.entries[i], faces_free);
  face_cache.n_entries = 0;
  g_clear_pointer (&shared_layouts, g_hash_table_unref);
}

static gboolean
same_options (const cairo_font_options_t *a, const cairo_font_options_t *b)
{
  return a == NULL || b == NULL ? a == b : cairo_font_options_equal (a, b);
}

/* Whether @faces were measured for a context like @context. */
static gboolean
faces_fit (const Faces *faces, PangoContext *context)
{
  return pango_font_description_equal (
             faces->base, pango_context_get_font_description (context)) &&
         faces->font_map == pango_context_get_font_map (context) &&
         faces->resolution == pango_cairo_context_get_resolution (context) &&
         faces->language == pango_context_get_language (context) &&
         faces->round_positions ==
             pango_context_get_round_glyph_positions (context) &&
         same_options (faces->options,
                       pango_cairo_context_get_font_options (context));
}

static Faces *
faces_new (PangoContext *context)
{
  const PangoFontDescription *base =
      pango_context_get_font_description (context);
  const cairo_font_options_t *options =
      pango_cairo_context_get_font_options (context);
  Faces *faces = g_new0 (Faces, 1);

  if (++face_cache.serial == 0)
    face_cache.serial++;
  faces->serial = face_cache.serial;
  faces->base = pango_font_description_copy (base);
  faces->font_map = g_object_ref (pango_context_get_font_map (context));
  faces->resolution = pango_cairo_context_get_resolution (context);
  faces->options = options != NULL ? cairo_font_options_copy (options) : NULL;
  faces->language = pango_context_get_language (context);
  faces->round_positions = pango_context_get_round_glyph_positions (context);
  for (guint i = 0; i < N_FACES; i++)
    faces->faces[i].font = pango_font_description_copy (base);
  /* In points, as GTK's CSS gives them: the context's resolution is the
   * style's. */
  pango_font_description_set_size (faces->faces[FACE_HEADING].font,
                                   HEADING_POINTS * PANGO_SCALE);
  pango_font_description_set_weight (faces->faces[FACE_HEADING].font,
                                     PANGO_WEIGHT_BOLD);
  /* font-size: smaller, as CSS makes it of the row's. */
  scale_font (faces->faces[FACE_PILL].font, 1 / 1.2);
  pango_font_description_set_weight (faces->faces[FACE_PILL].font,
                                     PANGO_WEIGHT_BOLD);
  pango_font_description_set_size (faces->faces[FACE_CAPTION].font,
                                   CAPTION_POINTS * PANGO_SCALE);
  for (guint i = 0; i < N_FACES; i++)
    measure_face (context, &faces->faces[i]);
  return faces;
}

/* The faces for a context like @context, measured if none were. */
static Faces *
find_faces (PangoContext *context)
{
  for (guint i = 0; i < face_cache.n_entries; i++)
    if (faces_fit (face_cache.entries[i], context))
      return face_cache.entries[i];
  if (face_cache.n_entries == MAX_FACES)
    clear_face_cache ();
  face_cache.entries[face_cache.n_entries] = faces_new (context);
  return face_cache.entries[face_cache.n_entries++];
}

static Faces *
find_faces_by_serial (guint serial)
{
  for (guint i = 0; i < face_cache.n_entries; i++)
    if (face_cache.entries[i]->serial == serial)
      return face_cache.entries[i];
  return NULL;
}

/* The faces for @self's Pango context, found again when it changed; and
 * its layouts made again when they are others: a layout keeps the
 * context it was made in. */
static const Faces *
get_faces_of (LsCaseRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint context_serial = pango_context_get_serial (context);
  Faces *faces = NULL;

  if (context_serial == self->context_serial)
    faces = find_faces_by_serial (self->faces_serial);
  if (faces == NULL)
    {
      faces = find_faces (context);
      self->context_serial = context_serial;
    }
  if (self->faces_serial != faces->serial)
    {
      self->faces_serial = faces->serial;
      self->status_width = -1;
      for (guint i = 0; i < LS_CASE_ROW_N_TEXTS; i++)
        g_clear_object (&self->layouts[i]);
    }
  return faces;
}

static const FaceMetrics *
get_faces (LsCaseRow *self)
{
  return get_faces_of (self)->faces;
}

/* Whether @c would take a text's direction, or turn it, were it there:
 * a letter of a script written right to left, or a mark or embedding
 * other than the three that ls_bidi_format() puts in. */
static gboolean
turns_direction (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) ||
         (c >= 0xfe70 && c <= 0xfeff) || (c >= 0x10800 && c <= 0x10fff) ||
         (c >= 0x1e800 && c <= 0x1efff) || c == 0x200f ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2067);
}

static gboolean
is_isolate_mark (gunichar c)
{
  return c == 0x200e || c == 0x2068 || c == 0x2069;
}

/* The text Pango lays out for @text: without the marks of direction that
 * change nothing in it.  ls_bidi_format() isolates each value and may
 * begin with a left-to-right mark; in a text of letters written left to
 * right only, and one at least, those mark nothing, but Pango splits the
 * line at each of them and shapes each piece apart, which made a row's
 * unit and kind cost it as much as its longer title.  A text with any
 * letter written right to left keeps its marks: they are what lays it out
 * right (see ls-bidi.c). */
static char *
dup_text_to_lay_out (const char *text)
{
  gboolean marks = FALSE;
  gboolean letters = FALSE;
  GString *out;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (turns_direction (c))
        return g_strdup (text);
      marks |= is_isolate_mark (c);
      /* Latin, Greek, Cyrillic and Armenian letters, all written left to
       * right; the spacing modifiers among them are not letters. */
      letters |=
          c < 0x0590 && (c < 0x02b0 || c > 0x02ff) && g_unichar_isalpha (c);
    }
  if (!marks || !letters)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_isolate_mark (g_utf8_get_char (p)))
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
  return g_string_free (out, FALSE);
}

static PangoLayout *
new_layout (LsCaseRow *self, LsCaseRowText text, int width)
{
  const FaceMetrics *faces = get_faces (self);
  g_autofree char *shown = dup_text_to_lay_out (self->texts[text]);
  PangoLayout *layout =
      gtk_widget_create_pango_layout (GTK_WIDGET (self), shown);

  pango_layout_set_font_description (layout,
                                     faces[text_styles[text].face].font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, width < 0 ? -1 : width * PANGO_SCALE);
  return layout;
}

/* The shared layout of @text for @width (see shared_layouts). */
static PangoLayout *
dup_shared_layout (LsCaseRow *self, LsCaseRowText text, int width)
{
  const Faces *faces = get_faces_of (self);
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (shared_layouts == NULL ||
      g_hash_table_size (shared_layouts) >= MAX_SHARED_LAYOUTS)
    {
      g_clear_pointer (&shared_layouts, g_hash_table_unref);
      shared_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              g_object_unref);
    }
  key =
      g_strdup_printf ("%u %d %d %d %s", faces->serial, text_styles[text].face,
                       width, gtk_widget_get_direction (GTK_WIDGET (self)),
                       self->texts[text] != NULL ? self->texts[text] : "");
  layout = g_hash_table_lookup (shared_layouts, key);
  if (layout == NULL)
    {
      layout = new_layout (self, text, width);
      g_hash_table_insert (shared_layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

/* Lays @text out for @width pixels (-1: unbounded), unless it already
 * is. */
static PangoLayout *
get_layout_for_width (LsCaseRow *self, LsCaseRowText text, int width)
{
  get_faces (self);
  if (self->layouts[text] != NULL && self->layout_widths[text] == width)
    return self->layouts[text];

  if (text_styles[text].shared)
    {
      g_clear_object (&self->layouts[text]);
      self->layouts[text] = dup_shared_layout (self, text, width);
    }
  else if (self->layouts[text] == NULL)
    self->layouts[text] = new_layout (self, text, width);
  else
    pango_layout_set_width (self->layouts[text],
                            width < 0 ? -1 : width * PANGO_SCALE);
  self->layout_widths[text] = width;
  return self->layouts[text];
}

static int
pill_border (LsCaseRow *self)
{
  return self->draft ? PILL_DRAFT_BORDER : 0;
}

/* Measured once for each status, not at every measuring of the row,
 * which would lay the text out again unbounded and then in its width. */
static int
pill_width (LsCaseRow *self)
{
  if (self->status_width < 0)
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (
          get_layout_for_width (self, LS_CASE_ROW_STATUS, -1), NULL, &logical);
      self->status_width = logical.width;
    }
  return self->status_width + 2 * (PILL_PADDING_X + pill_border (self));
}

static int
pill_height (LsCaseRow *self, const FaceMetrics *faces)
{
  return faces[FACE_PILL].height + 2 * (PILL_PADDING_Y + pill_border (self));
}

static int
chars_width (const FaceMetrics *faces, LsCaseRowText text, gboolean natural)
{
  return faces[text_styles[text].face].char_width *
         (natural ? text_styles[text].nat_chars : text_styles[text].min_chars);
}

/* The first line and the last are two columns: the number and the unit
 * and kind take what the status and the deadline leave.  Without a
 * deadline, the unit and kind may use the whole line. */
static int
row_width (LsCaseRow *self, const FaceMetrics *faces, gboolean natural)
{
  int pill = pill_width (self);
  int start = chars_width (faces, LS_CASE_ROW_REGNO, natural);
  int end = pill;
  int width;

  if (has_deadline (self))
    {
      start = MAX (start, chars_width (faces, LS_CASE_ROW_META, natural));
      end = MAX (end, chars_width (faces, LS_CASE_ROW_DEADLINE, natural));
    }
  width = start + COLUMN_SPACING + end;
  width = MAX (width, chars_width (faces, LS_CASE_ROW_TITLE, natural));
  if (!has_deadline (self))
    width = MAX (width, chars_width (faces, LS_CASE_ROW_META, natural));
  return width;
}

static int
first_line_height (LsCaseRow *self, const FaceMetrics *faces)
{
  return MAX (faces[FACE_HEADING].height, pill_height (self, faces));
}

static void
ls_case_row_measure (GtkWidget *widget,
                     GtkOrientation orientation,
                     int for_size,
                     int *minimum,
                     int *natural,
                     int *minimum_baseline,
                     int *natural_baseline)
{
  LsCaseRow *self = LS_CASE_ROW (widget);
  const FaceMetrics *faces = get_faces (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = row_width (self, faces, FALSE);
      *natural = MAX (*minimum, row_width (self, faces, TRUE));
    }
  else
    {
      *minimum = *natural = first_line_height (self, faces) + ROW_SPACING +
                            faces[FACE_BODY].height + ROW_SPACING +
                            faces[FACE_CAPTION].height;
    }
}

static void
set_box (LsCaseRow *self,
         LsCaseRowText text,
         int row_width,
         int x,
         int y,
         int width,
         int height)
{
  Box *box = &self->boxes[text];

  width = MAX (width, 0);
  box->x = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
               ? row_width - x - width
               : x;
  box->y = y;
  box->width = width;
  box->height = height;
}

static void
ls_case_row_size_allocate (GtkWidget *widget,
                           int width,
                           int height,
                           int baseline)
{
  LsCaseRow *self = LS_CASE_ROW (widget);
  const FaceMetrics *faces = get_faces (self);
  int line = first_line_height (self, faces);
  int pill = pill_width (self);
  int start_min = chars_width (faces, LS_CASE_ROW_REGNO, FALSE);
  int end = pill;
  int pill_h = pill_height (self, faces);
  int y;

  /* The second column as wide as it wants, unless the first would be
   * narrower than it must. */
  if (has_deadline (self))
    {
      start_min = MAX (start_min, chars_width (faces, LS_CASE_ROW_META, FALSE));
      end = MAX (end, chars_width (faces, LS_CASE_ROW_DEADLINE, TRUE));
      if (width - COLUMN_SPACING - end < start_min)
        end = MAX (pill, MAX (chars_width (faces, LS_CASE_ROW_DEADLINE, FALSE),
                              width - COLUMN_SPACING - start_min));
    }
  end = MIN (end, width);
  pill = MIN (pill, end);

  set_box (self, LS_CASE_ROW_REGNO, width, 0, 0, width - COLUMN_SPACING - end,
           line);
  set_box (self, LS_CASE_ROW_STATUS, width, width - pill, (line - pill_h) / 2,
           pill, pill_h);
  y = line + ROW_SPACING;
  set_box (self, LS_CASE_ROW_TITLE, width, 0, y, width,
           faces[FACE_BODY].height);
  y += faces[FACE_BODY].height + ROW_SPACING;
  set_box (self, LS_CASE_ROW_META, width, 0, y,
           has_deadline (self) ? width - COLUMN_SPACING - end : width,
           faces[FACE_CAPTION].height);
  set_box (self, LS_CASE_ROW_DEADLINE, width, width - end, y, end,
           faces[FACE_CAPTION].height);

  for (guint i = 0; i < LS_CASE_ROW_N_TEXTS; i++)
    {
      int text_width = self->boxes[i].width;

      if (i == LS_CASE_ROW_STATUS)
        {
          text_width -= 2 * (PILL_PADDING_X + pill_border (self));
          /* As measured, unbounded, when its pill has the room: the same
           * lines, not laid out again. */
          if (text_width >= self->status_width)
            {
              get_layout_for_width (self, i, -1);
              continue;
            }
        }
      get_layout_for_width (self, i, MAX (text_width, 0));
    }
}

/* Draws @text in @box as an inscription would, vertically centred and at
 * the start of the line, or at its end for @at_end. */
static void
draw_text (LsCaseRow *self,
           GtkSnapshot *snapshot,
           LsCaseRowText text,
           const Box *box,
           gboolean at_end,
           const GdkRGBA *color)
{
  PangoLayout *layout;
  PangoRectangle logical;
  double xalign = at_end ? 1 : 0;

  if (self->texts[text] == NULL || box->width <= 0)
    return;
  /* A shared text that changed since the row was allocated is looked up
   * again at the width it had. */
  layout = self->layouts[text];
  if (layout == NULL)
    layout = get_layout_for_width (self, text, self->layout_widths[text]);
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    xalign = 1 - xalign;
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (
      snapshot,
      &GRAPHENE_POINT_INIT (
          box->x + floor (xalign * (box->width - logical.width) - logical.x),
          box->y + floor ((box->height - logical.height) / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_pill (LsCaseRow *self, GtkSnapshot *snapshot, const GdkRGBA *color)
{
  const Box *box = &self->boxes[LS_CASE_ROW_STATUS];
  int inset = PILL_PADDING_X + pill_border (self);
  GskRoundedRect outline;
  GdkRGBA text_color = *color;
  Box text_box = { box->x + inset, box->y, box->width - 2 * inset,
                   box->height };

  if (self->texts[LS_CASE_ROW_STATUS] == NULL || box->width <= 0)
    return;
  gsk_rounded_rect_init_from_rect (
      &outline, &GRAPHENE_RECT_INIT (box->x, box->y, box->width, box->height),
      box->height / 2.0);
  if (self->draft)
    {
      GdkRGBA border = *color;
      cairo_t *cr;

      text_color.alpha *= PILL_DRAFT_OPACITY;
      border.alpha *= 0.6 * PILL_DRAFT_OPACITY;
      /* GSK draws only solid borders. */
      cr = gtk_snapshot_append_cairo (snapshot, &outline.bounds);
      cairo_new_sub_path (cr);
      cairo_arc (cr, box->x + box->height / 2.0, box->y + box->height / 2.0,
                 (box->height - 1) / 2.0, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, box->x + box->width - box->height / 2.0,
                 box->y + box->height / 2.0, (box->height - 1) / 2.0, -G_PI / 2,
                 G_PI / 2);
      cairo_close_path (cr);
      cairo_set_line_width (cr, PILL_DRAFT_BORDER);
      cairo_set_dash (cr, (double[]){ 3 }, 1, 0);
      gdk_cairo_set_source_rgba (cr, &border);
      cairo_stroke (cr);
      cairo_destroy (cr);
    }
  else if (self->pill_tint != NULL)
    {
      GdkRGBA tint;

      if (!gtk_style_context_lookup_color (
              gtk_widget_get_style_context (GTK_WIDGET (self)), self->pill_tint,
              &tint))
        tint = *color;
      tint.alpha *= PILL_TINT_ALPHA;
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &tint, &outline.bounds);
      gtk_snapshot_pop (snapshot);
    }
  draw_text (self, snapshot, LS_CASE_ROW_STATUS, &text_box, FALSE, &text_color);
}

static void
ls_case_row_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LsCaseRow *self = LS_CASE_ROW (widget);
  GtkStyleContext *context;
  GdkRGBA color;
  GdkRGBA dim;
  GdkRGBA deadline;

  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &color);
  dim = color;
  /* Fainter, as the opacity of .dim-label makes it. */
  dim.alpha *=
      adw_style_manager_get_high_contrast (adw_style_manager_get_default ())
          ? DIM_OPACITY_HIGH_CONTRAST
          : DIM_OPACITY;
  /* As .error and .warning colour it, and .dim-label further off. */
  deadline = dim;
  if (self->urgency == LS_URGENCY_OVERDUE || self->urgency == LS_URGENCY_SOON)
    {
      const char *name =
          self->urgency == LS_URGENCY_OVERDUE ? "error_color" : "warning_color";

      if (!gtk_style_context_lookup_color (context, name, &deadline))
        deadline = color;
    }

  draw_text (self, snapshot, LS_CASE_ROW_REGNO, &self->boxes[LS_CASE_ROW_REGNO],
             FALSE, &color);
  draw_pill (self, snapshot, &color);
  draw_text (self, snapshot, LS_CASE_ROW_TITLE, &self->boxes[LS_CASE_ROW_TITLE],
             FALSE, &color);
  draw_text (self, snapshot, LS_CASE_ROW_META, &self->boxes[LS_CASE_ROW_META],
             FALSE, &dim);
  if (has_deadline (self))
    draw_text (self, snapshot, LS_CASE_ROW_DEADLINE,
               &self->boxes[LS_CASE_ROW_DEADLINE], TRUE, &deadline);
}

static void
ls_case_row_system_setting_changed (GtkWidget *widget, GtkSystemSetting setting)
{
  /* New fonts installed look different under the same name. */
  if (setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    clear_face_cache ();
  GTK_WIDGET_CLASS (ls_case_row_parent_class)
      ->system_setting_changed (widget, setting);
}

/* A list view's item, not the row in it, takes the focus; GTK 4.8 gives
 * it no name of its own, so a screen reader would say nothing on the
 * case the keyboard is on.  It gets the row's sentence. */
static void
label_focusable (LsCaseRow *self, const char *description)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));

  if (item == NULL)
    return;
  if (description != NULL)
    gtk_accessible_update_property (
        GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (item),
                                   GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
ls_case_row_dispose (GObject *object)
{
  LsCaseRow *self = LS_CASE_ROW (object);

  for (guint i = 0; i < LS_CASE_ROW_N_TEXTS; i++)
    g_clear_object (&self->layouts[i]);

  G_OBJECT_CLASS (ls_case_row_parent_class)->dispose (object);
}

static void
ls_case_row_finalize (GObject *object)
{
  LsCaseRow *self = LS_CASE_ROW (object);

  for (guint i = 0; i < LS_CASE_ROW_N_TEXTS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (ls_case_row_parent_class)->finalize (object);
}

static void
ls_case_row_class_init (LsCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_case_row_dispose;
  object_class->finalize = ls_case_row_finalize;
  widget_class->measure = ls_case_row_measure;
  widget_class->size_allocate = ls_case_row_size_allocate;
  widget_class->snapshot = ls_case_row_snapshot;
  widget_class->system_setting_changed = ls_case_row_system_setting_changed;

  gtk_widget_class_set_css_name (widget_class, "caserow");
  gtk_widget_class_set_accessible_role (widget_class,
                                        GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ls_case_row_init (LsCaseRow *self)
{
  self->status_width = -1;
}

LsCaseRow *
ls_case_row_new (void)
{
  return g_object_new (LS_TYPE_CASE_ROW, NULL);
}

/* Whether the row's size changed with it. */
static gboolean
set_text (LsCaseRow *self, LsCaseRowText text, const char *value)
{
  if (g_strcmp0 (self->texts[text], value) == 0)
    return FALSE;
  g_free (self->texts[text]);
  self->texts[text] = g_strdup (value);
  if (text_styles[text].shared)
    g_clear_object (&self->layouts[text]);
  else if (self->layouts[text] != NULL)
    {
      g_autofree char *shown = dup_text_to_lay_out (value);

      pango_layout_set_text (self->layouts[text], shown != NULL ? shown : "",
                             -1);
    }
  if (text != LS_CASE_ROW_STATUS)
    return FALSE;
  self->status_width = -1;
  return TRUE;
}

static const char *
find_pill_tint (const char *css_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (pill_tints); i++)
    if (g_strcmp0 (pill_tints[i].css_class, css_class) == 0)
      return pill_tints[i].color;
  return NULL;
}

/**
 * ls_case_row_set_summary:
 * @summary: (nullable): the case to show; %NULL empties the row
 * @organisation: (nullable): to name the case's unit
 * @now: when it is, for how near the deadline is
 */
void
ls_case_row_set_summary (LsCaseRow *self,
                         LsCaseSummary *summary,
                         LsOrganisation *organisation,
                         GDateTime *now)
{
  g_autofree char *meta = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *description = NULL;
  const char *title = NULL;
  const char *regno = NULL;
  const char *status = NULL;
  const char *pill_tint = NULL;
  gboolean draft = FALSE;
  LsUrgency urgency = LS_URGENCY_NONE;
  gboolean resize;

  g_return_if_fail (LS_IS_CASE_ROW (self));
  g_return_if_fail (now != NULL);

  if (summary != NULL)
    {
      const char *css_class =
          ls_labels_status_css_class (ls_case_summary_get_status (summary));

      regno = ls_case_summary_get_regno (summary);
      if (regno == NULL)
        regno = _ ("No registration number");
      status = ls_labels_status (ls_case_summary_get_status (summary));
      title = ls_case_summary_get_title (summary);
      if (title == NULL || *title == '\0')
        title = _ ("Nothing written yet about what happened");
      draft = g_strcmp0 (css_class, "status-draft") == 0;
      pill_tint = find_pill_tint (css_class);
      /* Translators: a case's unit and its kind, "Solgården · Wrongdoing". */
      meta = ls_bidi_format (
          _ ("%s · %s"),
          ls_labels_unit_name (organisation,
                               ls_case_summary_get_unit (summary)),
          ls_labels_kind (ls_case_summary_get_kind (summary)), NULL);
      deadline = ls_labels_deadline (
          ls_case_summary_get_next_deadline (summary), now, &urgency);
    }

  resize = set_text (self, LS_CASE_ROW_REGNO, regno);
  resize |= set_text (self, LS_CASE_ROW_STATUS, status);
  resize |= set_text (self, LS_CASE_ROW_TITLE, title);
  resize |= set_text (self, LS_CASE_ROW_META, meta);
  resize |= set_text (self, LS_CASE_ROW_DEADLINE, deadline);
  resize |= draft != self->draft ||
            (urgency != LS_URGENCY_NONE) != has_deadline (self);
  self->draft = draft;
  self->pill_tint = pill_tint;
  self->urgency = urgency;
  /* Every other text is laid out in the width it has. */
  if (resize)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));

  if (summary == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                     GTK_ACCESSIBLE_PROPERTY_LABEL);
      label_focusable (self, NULL);
      return;
    }
  /* One sentence for a screen reader, in the order the eye reads. */
  description = g_strjoin (", ", regno, status, title, meta,
                           has_deadline (self) ? deadline : NULL, NULL);
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  label_focusable (self, description);
}

/**
 * ls_case_row_get_text:
 * @text: which of the row's texts
 *
 * Returns: (nullable): the text the row shows there, whole, though it may
 *   be drawn shortened with an ellipsis; %NULL when it shows none
 */
const char *
ls_case_row_get_text (LsCaseRow *self, LsCaseRowText text)
{
  g_return_val_if_fail (LS_IS_CASE_ROW (self), NULL);
  g_return_val_if_fail (text < LS_CASE_ROW_N_TEXTS, NULL);

  if (text == LS_CASE_ROW_DEADLINE && !has_deadline (self))
    return NULL;
  return self->texts[text];
}

/**
 * ls_case_row_is_ellipsized:
 * @text: which of the row's texts
 *
 * Returns: whether @text is too long for the row's width as last
 *   allocated, and shortened with an ellipsis
 */
gboolean
ls_case_row_is_ellipsized (LsCaseRow *self, LsCaseRowText text)
{
  g_return_val_if_fail (LS_IS_CASE_ROW (self), FALSE);
  g_return_val_if_fail (text < LS_CASE_ROW_N_TEXTS, FALSE);

  return self->layouts[text] != NULL && self->layout_widths[text] >= 0 &&
         pango_layout_is_ellipsized (self->layouts[text]);
}
