/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-form-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "ls-files.h"
#include "ls-form-document.h"

/* The geometry of the page, in points.  Forms from Swedish authorities use
 * about 15 mm margins and a sans serif at 9-10 pt with 7 pt labels. */
#define MARGIN_X 45.0
#define MARGIN_TOP 40.0
#define MARGIN_BOTTOM 52.0
#define CONTENT_WIDTH (LS_FORM_PAGE_WIDTH - 2 * MARGIN_X)
#define CONTENT_BOTTOM (LS_FORM_PAGE_HEIGHT - MARGIN_BOTTOM)
/* the running header takes at most this many lines */
#define RUNNING_HEADER_LINES 2
#define PAD 3.0
#define RULE 0.6
#define CHECK_SIZE 9.0
#define CHECK_LABEL_WIDTH 150.0
#define TITLE_BOX_WIDTH 190.0
#define DEFAULT_MAX_LINES 3
/* room for the "forts. på sida N" note at the foot of a cut box */
#define NOTE_HEIGHT 9.0

#define FONT_FAMILY "DejaVu Sans"
#define FONT_LABEL FONT_FAMILY " 7"
#define FONT_VALUE FONT_FAMILY " 9.5"
#define FONT_HEADING FONT_FAMILY " Bold 9.5"
#define FONT_PARAGRAPH FONT_FAMILY " 8"
#define FONT_PARAGRAPH_BOLD FONT_FAMILY " Bold 8.5"
#define FONT_TITLE FONT_FAMILY " Bold 17"
#define FONT_SUBTITLE FONT_FAMILY " 10"
#define FONT_NOTE FONT_FAMILY " Italic 7"
#define FONT_FOOTER FONT_FAMILY " 7.5"

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_ROW,
  BLOCK_CHECK,
  BLOCK_TEXT,
  BLOCK_SPACE,
} BlockKind;

typedef struct
{
  char *label;
  char *continued_label;
  char *value;
  double weight;
  guint max_lines;
  guint min_lines;

  /* from measure_box() to draw_box() */
  PangoLayout *label_layout;
  PangoLayout *value_layout;
  int cut;
} Box;

typedef struct
{
  BlockKind kind;
  char *text;
  char *subtext;
  gboolean bold;
  gboolean checked;
  LsFormTextMode mode;
  double height;
  GPtrArray *boxes; /* Box */
} Block;

typedef enum
{
  OP_LAYOUT,
  OP_RECT,
  OP_FILL,
  OP_CHECK,
} OpKind;

typedef struct
{
  OpKind kind;
  double x, y, w, h;
  PangoLayout *layout;
  gboolean checked;
} Op;

typedef struct
{
  guint page;
  double x, y;
  gboolean checked;
} CheckPlace;

/* Text that did not fit its box, to be continued after the form. */
typedef struct
{
  char *label;
  char *text;
  gboolean bold;
  guint first_page;
  /* where the "continued on page N" note goes */
  guint note_page;
  double note_x, note_y, note_w;
} Continuation;

struct _LsFormDocument
{
  GObject parent_instance;

  char *title;
  char *subject;
  char *running_header;
  char *footer;
  GPtrArray *blocks; /* Block */

  PangoContext *context;
  double value_line_height;

  /* computed by paginate, dropped when a block is added */
  GPtrArray *pages; /* GPtrArray of Op */
  GArray *checks;   /* CheckPlace */
};

G_DEFINE_FINAL_TYPE (LsFormDocument, ls_form_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (ls - form - error - quark, ls_form_error)

static void
box_free (gpointer data)
{
  Box *box = data;

  g_free (box->label);
  g_free (box->continued_label);
  g_free (box->value);
  g_clear_object (&box->label_layout);
  g_clear_object (&box->value_layout);
  g_free (box);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->subtext);
  g_clear_pointer (&block->boxes, g_ptr_array_unref);
  g_free (block);
}

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
  g_free (op);
}

static void
continuation_free (gpointer data)
{
  Continuation *cont = data;

  g_free (cont->label);
  g_free (cont->text);
  g_free (cont);
}

/* Users type anything; Pango must only ever see valid UTF-8. */
static char *
dup_clean (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  return g_utf8_make_valid (text, -1);
}

static GPtrArray *
copy_boxes (const LsFormBox *boxes, guint n_boxes)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (box_free);

  for (guint i = 0; i < n_boxes; i++)
    {
      Box *box = g_new0 (Box, 1);

      box->label = dup_clean (boxes[i].label);
      box->continued_label =
          dup_clean (boxes[i].continued_label != NULL ? boxes[i].continued_label
                                                      : boxes[i].label);
      box->value = dup_clean (boxes[i].value);
      box->weight = boxes[i].weight > 0 ? boxes[i].weight : 1.0;
      box->max_lines =
          boxes[i].max_lines > 0 ? boxes[i].max_lines : DEFAULT_MAX_LINES;
      box->min_lines = MAX (boxes[i].min_lines, 1);
      g_ptr_array_add (array, box);
    }

  return array;
}

static Block *
append_block (LsFormDocument *self, BlockKind kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_array_unref);

  return block;
}

static PangoLayout *
make_layout (LsFormDocument *self,
             const char *font,
             const char *text,
             double width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr (PangoFontDescription) desc =
      pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* The height of one line of a value, for empty boxes; asked for by every
 * box, so measured once. */
static double
value_line_height (LsFormDocument *self)
{
  if (self->value_line_height <= 0)
    {
      g_autoptr (PangoLayout) layout = make_layout (self, FONT_VALUE, "Åg", -1);

      self->value_line_height = layout_height (layout);
    }

  return self->value_line_height;
}

/* How much of @layout fits in @height: returns the byte index where the
 * first line that does not fit starts (the text's length when all fits),
 * and the height of the lines that fit in @used.  At least @min_lines are
 * taken even if they do not fit. */
static int
fit_lines (PangoLayout *layout, double height, guint max_lines, double *used)
{
  g_autoptr (PangoLayoutIter) iter = pango_layout_get_iter (layout);
  const char *text = pango_layout_get_text (layout);
  guint n = 0;

  *used = 0;
  do
    {
      PangoRectangle rect;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      bottom = pango_units_to_double (rect.y + rect.height);
      if (n >= max_lines || bottom > height + 0.01)
        return line->start_index;
      *used = bottom;
      n++;
    }
  while (pango_layout_iter_next_line (iter));

  return strlen (text);
}

static Op *
add_op (GPtrArray *page, OpKind kind, double x, double y, double w, double h)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  g_ptr_array_add (page, op);

  return op;
}

static void
add_layout_op (GPtrArray *page, PangoLayout *layout, double x, double y)
{
  Op *op = add_op (page, OP_LAYOUT, x, y, 0, 0);

  op->layout = layout;
}

typedef struct
{
  LsFormDocument *self;
  GPtrArray *page;
  double y;
  double top; /* where the page's content starts */
  GPtrArray *continuations;
} Cursor;

static void
new_page (Cursor *cursor)
{
  LsFormDocument *self = cursor->self;

  cursor->page = g_ptr_array_new_with_free_func (op_free);
  g_ptr_array_add (self->pages, cursor->page);
  cursor->y = MARGIN_TOP;

  /* The header only names the document on a loose sheet; all of it is on
   * the first page.  It is kept to two lines so that a long registration
   * number cannot push into the content. */
  if (self->running_header != NULL && self->pages->len > 1)
    {
      PangoLayout *layout =
          make_layout (self, FONT_FOOTER, self->running_header, CONTENT_WIDTH);

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -RUNNING_HEADER_LINES);
      add_layout_op (cursor->page, layout, MARGIN_X, cursor->y);
      cursor->y += MAX (layout_height (layout), 9) + 3;
      add_op (cursor->page, OP_FILL, MARGIN_X, cursor->y, CONTENT_WIDTH, RULE);
      cursor->y += RULE + 9;
    }
  cursor->top = cursor->y;
}

static void
ensure_space (Cursor *cursor, double height)
{
  /* A block taller than an empty page is placed anyway rather than
   * producing empty pages forever. */
  if (cursor->y + height > CONTENT_BOTTOM && cursor->y > cursor->top + 0.01)
    new_page (cursor);
}

/* Lays out one ruled box for @width and returns its height.  The layouts
 * stay on the box until draw_box() takes them: a row is measured before it
 * is drawn, and shaping the text twice would double the work. */
static double
measure_box (LsFormDocument *self, Box *box, double width)
{
  double inner = width - 2 * PAD;
  double used = 0;
  double value_h;

  g_clear_object (&box->label_layout);
  g_clear_object (&box->value_layout);
  box->label_layout = make_layout (self, FONT_LABEL, box->label, inner);
  box->value_layout = make_layout (self, FONT_VALUE, box->value, inner);
  box->cut = fit_lines (box->value_layout, G_MAXDOUBLE, box->max_lines, &used);
  value_h = MAX (used, box->min_lines * value_line_height (self));

  return PAD + layout_height (box->label_layout) + 1 + value_h + PAD +
         (box->value[box->cut] != '\0' ? NOTE_HEIGHT : 0);
}

/* Draws a measured box at (@x, @y), @row_height high, and queues what did
 * not fit as a continuation. */
static void
draw_box (Cursor *cursor,
          Box *box,
          double x,
          double y,
          double width,
          double row_height)
{
  LsFormDocument *self = cursor->self;
  PangoLayout *label = g_steal_pointer (&box->label_layout);
  PangoLayout *value = g_steal_pointer (&box->value_layout);
  double label_h;

  g_assert (label != NULL && value != NULL);

  label_h = layout_height (label);
  add_op (cursor->page, OP_RECT, x, y, width, row_height);
  add_layout_op (cursor->page, label, x + PAD, y + PAD);
  if (box->value[box->cut] != '\0')
    {
      Continuation *cont = g_new0 (Continuation, 1);
      g_autofree char *shown = g_strndup (box->value, box->cut);

      pango_layout_set_text (value, shown, -1);
      cont->label = g_strdup (box->continued_label);
      cont->text = g_strdup (box->value + box->cut);
      cont->note_page = self->pages->len - 1;
      cont->note_x = x + PAD;
      cont->note_y = y + row_height - PAD - NOTE_HEIGHT;
      cont->note_w = width - 2 * PAD;
      g_ptr_array_add (cursor->continuations, cont);
    }
  add_layout_op (cursor->page, value, x + PAD, y + PAD + label_h + 1);
}

static double
boxes_total_weight (GPtrArray *boxes)
{
  double total = 0;

  for (guint i = 0; i < boxes->len; i++)
    total += ((Box *) g_ptr_array_index (boxes, i))->weight;

  return total;
}

static double
measure_boxes (Cursor *cursor, GPtrArray *boxes, double width)
{
  double total = boxes_total_weight (boxes);
  double height = 0;

  for (guint i = 0; i < boxes->len; i++)
    {
      Box *box = g_ptr_array_index (boxes, i);
      double w = width * box->weight / total;

      height = MAX (height, measure_box (cursor->self, box, w));
    }

  return height;
}

static void
commit_boxes (
    Cursor *cursor, GPtrArray *boxes, double x, double width, double height)
{
  double total = boxes_total_weight (boxes);

  for (guint i = 0; i < boxes->len; i++)
    {
      Box *box = g_ptr_array_index (boxes, i);
      double w = width * box->weight / total;

      draw_box (cursor, box, x, cursor->y, w, height);
      x += w;
    }
}

static void
place_boxes (Cursor *cursor, GPtrArray *boxes, double x, double width)
{
  double height = measure_boxes (cursor, boxes, width);

  ensure_space (cursor, height);
  commit_boxes (cursor, boxes, x, width, height);
  cursor->y += height;
}

static void
place_title (Cursor *cursor, Block *block)
{
  LsFormDocument *self = cursor->self;
  double box_w = block->boxes->len > 0 ? TITLE_BOX_WIDTH : 0;
  double text_w = CONTENT_WIDTH - box_w - 12;
  PangoLayout *title = make_layout (self, FONT_TITLE, block->text, text_w);
  PangoLayout *subtitle =
      make_layout (self, FONT_SUBTITLE, block->subtext, text_w);
  double top = cursor->y;
  double left_h = layout_height (title) + 2 + layout_height (subtitle);

  add_layout_op (cursor->page, title, MARGIN_X, top);
  add_layout_op (cursor->page, subtitle, MARGIN_X,
                 top + layout_height (title) + 2);

  if (block->boxes->len > 0)
    {
      Box *box = g_ptr_array_index (block->boxes, 0);
      double x = MARGIN_X + CONTENT_WIDTH - box_w;
      double h = measure_box (self, box, box_w);

      draw_box (cursor, box, x, top, box_w, h);
      left_h = MAX (left_h, h);
    }

  cursor->y = top + left_h + 10;
}

static void
place_heading (Cursor *cursor, Block *block)
{
  LsFormDocument *self = cursor->self;
  PangoLayout *layout =
      make_layout (self, FONT_HEADING, block->text, CONTENT_WIDTH - 2 * PAD);
  double h = layout_height (layout) + 2 * PAD;

  /* Keep a heading with at least one line of what follows. */
  ensure_space (cursor, h + 30);
  add_op (cursor->page, OP_FILL, MARGIN_X, cursor->y, CONTENT_WIDTH, h);
  add_op (cursor->page, OP_RECT, MARGIN_X, cursor->y, CONTENT_WIDTH, h);
  add_layout_op (cursor->page, layout, MARGIN_X + PAD, cursor->y + PAD);
  cursor->y += h;
}

static void
place_paragraph (Cursor *cursor, Block *block)
{
  LsFormDocument *self = cursor->self;
  PangoLayout *layout =
      make_layout (self, block->bold ? FONT_PARAGRAPH_BOLD : FONT_PARAGRAPH,
                   block->text, CONTENT_WIDTH);
  double h = layout_height (layout);

  ensure_space (cursor, h + 8);
  add_layout_op (cursor->page, layout, MARGIN_X, cursor->y + 4);
  cursor->y += h + 8;
}

static void
place_check (Cursor *cursor, Block *block)
{
  LsFormDocument *self = cursor->self;
  gboolean has_boxes = block->boxes->len > 0;
  double label_w = (has_boxes ? CHECK_LABEL_WIDTH : CONTENT_WIDTH) -
                   CHECK_SIZE - 3 * PAD - 4;
  PangoLayout *label = make_layout (self, FONT_VALUE, block->text, label_w);
  double label_h = layout_height (label);
  double h = MAX (label_h, CHECK_SIZE) + 2 * PAD + 2;
  double top;
  Op *op;
  CheckPlace place;

  if (has_boxes)
    h = MAX (h, measure_boxes (cursor, block->boxes,
                               CONTENT_WIDTH - CHECK_LABEL_WIDTH));
  ensure_space (cursor, h);
  top = cursor->y;
  if (has_boxes)
    {
      commit_boxes (cursor, block->boxes, MARGIN_X + CHECK_LABEL_WIDTH,
                    CONTENT_WIDTH - CHECK_LABEL_WIDTH, h);
      add_op (cursor->page, OP_RECT, MARGIN_X, top, CHECK_LABEL_WIDTH, h);
    }
  else
    add_op (cursor->page, OP_RECT, MARGIN_X, top, CONTENT_WIDTH, h);
  cursor->y += h;

  op = add_op (cursor->page, OP_CHECK, MARGIN_X + 2 * PAD, top + PAD + 1,
               CHECK_SIZE, CHECK_SIZE);
  op->checked = block->checked;
  add_layout_op (cursor->page, label, MARGIN_X + 3 * PAD + CHECK_SIZE + 4,
                 top + PAD);

  place.page = self->pages->len - 1;
  place.x = op->x;
  place.y = op->y;
  place.checked = block->checked;
  g_array_append_val (self->checks, place);
}

/* The top of a full-width text box: a small label inside the box, or for a
 * section a shaded band set like the headings, so that a continued section
 * looks like the one it continues.  Returns where the value starts, below
 * the box's top. */
static double
text_head_height (PangoLayout *label, gboolean bold)
{
  if (bold)
    return layout_height (label) + 3 * PAD;
  return PAD + layout_height (label) + 1;
}

static PangoLayout *
make_text_head (LsFormDocument *self, const char *text, gboolean bold)
{
  return make_layout (self, bold ? FONT_HEADING : FONT_LABEL, text,
                      CONTENT_WIDTH - 2 * PAD);
}

static void
add_text_head (Cursor *cursor, PangoLayout *label, gboolean bold)
{
  if (bold)
    {
      double band = layout_height (label) + 2 * PAD;

      add_op (cursor->page, OP_FILL, MARGIN_X, cursor->y, CONTENT_WIDTH, band);
      add_op (cursor->page, OP_RECT, MARGIN_X, cursor->y, CONTENT_WIDTH, band);
    }
  add_layout_op (cursor->page, label, MARGIN_X + PAD, cursor->y + PAD);
}

/* A labelled text box that flows: it takes what fits on this page and goes
 * on at the top of the next one under "forts. <label>".  When @continued,
 * even its first part continues a box cut earlier. */
static void
place_flowing_text (Cursor *cursor,
                    const char *label_text,
                    const char *text,
                    double min_height,
                    gboolean bold,
                    gboolean continued)
{
  LsFormDocument *self = cursor->self;
  double inner = CONTENT_WIDTH - 2 * PAD;
  double one_line = value_line_height (self);
  g_autofree char *rest = g_strdup (text);

  do
    {
      g_autofree char *label_str =
          continued ? g_strdup_printf ("forts. %s", label_text)
                    : g_strdup (label_text);
      PangoLayout *label = make_text_head (self, label_str, bold);
      g_autoptr (PangoLayout) value =
          make_layout (self, FONT_VALUE, rest, inner);
      double head = text_head_height (label, bold);
      double avail, used, h;
      int cut;
      char *next;

      ensure_space (cursor, head + one_line + PAD);
      avail = CONTENT_BOTTOM - cursor->y - head - PAD;
      cut = fit_lines (value, avail, G_MAXUINT, &used);
      if (cut == 0 && rest[0] != '\0')
        {
          /* not even one line fits: a line taller than a page */
          cut = pango_layout_get_line_count (value) > 1
                    ? pango_layout_get_line_readonly (value, 1)->start_index
                    : (int) strlen (rest);
          used = one_line;
        }
      h = MAX (head + MAX (used, one_line) + PAD, min_height);
      if (cursor->y + h > CONTENT_BOTTOM)
        h = MAX (CONTENT_BOTTOM - cursor->y, head + used + PAD);

      add_op (cursor->page, OP_RECT, MARGIN_X, cursor->y, CONTENT_WIDTH, h);
      add_text_head (cursor, label, bold);
      next = g_strdup (rest + cut);
      rest[cut] = '\0';
      pango_layout_set_text (value, rest, -1);
      add_layout_op (cursor->page, g_steal_pointer (&value), MARGIN_X + PAD,
                     cursor->y + head);
      cursor->y += h;
      g_free (rest);
      rest = next;
      min_height = 0;
      if (rest[0] != '\0')
        new_page (cursor);
      continued = TRUE;
    }
  while (rest[0] != '\0');
}

static void
place_fixed_text (Cursor *cursor, Block *block)
{
  LsFormDocument *self = cursor->self;
  double inner = CONTENT_WIDTH - 2 * PAD;
  PangoLayout *label = make_text_head (self, block->text, block->bold);
  g_autoptr (PangoLayout) value =
      make_layout (self, FONT_VALUE, block->subtext, inner);
  double head = text_head_height (label, block->bold);
  double h = MAX (block->height, head + PAD + 20);
  double avail = h - head - PAD - NOTE_HEIGHT;
  double used;
  int cut;

  ensure_space (cursor, h);
  add_op (cursor->page, OP_RECT, MARGIN_X, cursor->y, CONTENT_WIDTH, h);
  add_text_head (cursor, label, block->bold);

  cut = fit_lines (value, avail, G_MAXUINT, &used);
  if (block->subtext[cut] != '\0')
    {
      Continuation *cont = g_new0 (Continuation, 1);
      g_autofree char *shown = g_strndup (block->subtext, cut);

      pango_layout_set_text (value, shown, -1);
      cont->label = g_strdup (block->text);
      cont->text = g_strdup (block->subtext + cut);
      cont->bold = block->bold;
      cont->note_page = self->pages->len - 1;
      cont->note_x = MARGIN_X + PAD;
      cont->note_y = cursor->y + h - PAD - NOTE_HEIGHT;
      cont->note_w = inner;
      g_ptr_array_add (cursor->continuations, cont);
    }
  add_layout_op (cursor->page, g_steal_pointer (&value), MARGIN_X + PAD,
                 cursor->y + head);
  cursor->y += h;
}

static void
place_continuations (Cursor *cursor)
{
  LsFormDocument *self = cursor->self;

  if (cursor->continuations->len == 0)
    return;

  new_page (cursor);
  for (guint i = 0; i < cursor->continuations->len; i++)
    {
      Continuation *cont = g_ptr_array_index (cursor->continuations, i);

      ensure_space (cursor, 60);
      cont->first_page = self->pages->len - 1;
      place_flowing_text (cursor, cont->label, cont->text, 0, cont->bold, TRUE);
      cursor->y += 8;
    }

  /* now that their pages are known, point each cut box at its rest */
  for (guint i = 0; i < cursor->continuations->len; i++)
    {
      Continuation *cont = g_ptr_array_index (cursor->continuations, i);
      GPtrArray *page = g_ptr_array_index (self->pages, cont->note_page);
      g_autofree char *note =
          g_strdup_printf ("forts. på sida %u", cont->first_page + 1);
      PangoLayout *layout = make_layout (self, FONT_NOTE, note, cont->note_w);

      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      add_layout_op (page, layout, cont->note_x, cont->note_y);
    }
}

/* Every page says which it is and how many there are, so that a loose sheet
 * is missed; the footer at the left names the form. */
static void
add_footers (LsFormDocument *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      GPtrArray *page = g_ptr_array_index (self->pages, i);
      g_autofree char *text =
          g_strdup_printf ("Sida %u av %u", i + 1, self->pages->len);
      PangoLayout *layout =
          make_layout (self, FONT_FOOTER, text, CONTENT_WIDTH);
      double y = LS_FORM_PAGE_HEIGHT - MARGIN_BOTTOM + 18;

      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      add_layout_op (page, layout, MARGIN_X, y);
      if (self->footer != NULL)
        add_layout_op (
            page,
            make_layout (self, FONT_FOOTER, self->footer, CONTENT_WIDTH * 0.75),
            MARGIN_X, y);
    }
}

static void
ls_form_document_finalize (GObject *object)
{
  LsFormDocument *self = LS_FORM_DOCUMENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->running_header, g_free);
  g_clear_pointer (&self->footer, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ls_form_document_parent_class)->finalize (object);
}

static void
ls_form_document_class_init (LsFormDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_form_document_finalize;
}

static void
ls_form_document_init (LsFormDocument *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->blocks = g_ptr_array_new_with_free_func (block_free);

  /* The default font map is per thread, so a document built and drawn in a
   * worker thread is safe.  Unhinted metrics make the layout the same on
   * every surface: PDF, printer, screen and test images. */
  self->context =
      pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (self->context,
                              pango_language_from_string ("sv-se"));
}

/**
 * ls_form_document_new:
 * @title: the PDF's title
 * @subject: (nullable): the PDF's subject
 *
 * Creates an empty A4 document.  Add its blocks from top to bottom; they are
 * laid out once, by ls_form_document_paginate().
 *
 * Returns: (transfer full): the new document
 */
LsFormDocument *
ls_form_document_new (const char *title, const char *subject)
{
  LsFormDocument *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (LS_TYPE_FORM_DOCUMENT, NULL);
  self->title = dup_clean (title);
  self->subject = subject != NULL ? dup_clean (subject) : NULL;

  return self;
}

/**
 * ls_form_document_get_title:
 *
 * Returns: (transfer none): the document's title, as in the PDF's metadata
 */
const char *
ls_form_document_get_title (LsFormDocument *self)
{
  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * ls_form_document_set_running_header:
 * @text: (nullable): a line at the top of every page but the first
 *
 * Names the document on its later pages, so a loose sheet can be placed.
 */
void
ls_form_document_set_running_header (LsFormDocument *self, const char *text)
{
  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));

  g_clear_pointer (&self->running_header, g_free);
  self->running_header = text != NULL ? dup_clean (text) : NULL;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_array_unref);
}

/**
 * ls_form_document_set_footer:
 * @text: (nullable): a line at the foot of every page, left of the page
 *   number, such as the name of the form
 */
void
ls_form_document_set_footer (LsFormDocument *self, const char *text)
{
  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));

  g_clear_pointer (&self->footer, g_free);
  self->footer = text != NULL ? dup_clean (text) : NULL;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_array_unref);
}

/**
 * ls_form_document_add_title:
 * @title: the form's title
 * @subtitle: the line under it, such as the law
 * @box: (nullable): a box at the right, such as the registration number
 */
void
ls_form_document_add_title (LsFormDocument *self,
                            const char *title,
                            const char *subtitle,
                            const LsFormBox *box)
{
  Block *block;

  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));
  g_return_if_fail (title != NULL);

  block = append_block (self, BLOCK_TITLE);
  block->text = dup_clean (title);
  block->subtext = dup_clean (subtitle);
  block->boxes = copy_boxes (box, box != NULL ? 1 : 0);
}

/**
 * ls_form_document_add_heading:
 * @text: a section's heading
 */
void
ls_form_document_add_heading (LsFormDocument *self, const char *text)
{
  Block *block;

  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  block = append_block (self, BLOCK_HEADING);
  block->text = dup_clean (text);
}

/**
 * ls_form_document_add_paragraph:
 * @text: a short explanation printed on the form, outside the boxes
 * @bold: whether it is set in bold
 */
void
ls_form_document_add_paragraph (LsFormDocument *self,
                                const char *text,
                                gboolean bold)
{
  Block *block;

  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  block = append_block (self, BLOCK_PARAGRAPH);
  block->text = dup_clean (text);
  block->bold = bold;
}

/**
 * ls_form_document_add_row:
 * @boxes: (array length=n_boxes): the boxes, from left to right
 * @n_boxes: how many
 *
 * Adds a row of ruled boxes sharing the content width by their weights.
 */
void
ls_form_document_add_row (LsFormDocument *self,
                          const LsFormBox *boxes,
                          guint n_boxes)
{
  Block *block;

  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));
  g_return_if_fail (boxes != NULL && n_boxes > 0);

  block = append_block (self, BLOCK_ROW);
  block->boxes = copy_boxes (boxes, n_boxes);
}

/**
 * ls_form_document_add_check:
 * @label: the text beside the check box
 * @checked: whether it is ticked
 * @boxes: (array length=n_boxes) (nullable): boxes to the right, for the
 *   details of the choice
 * @n_boxes: how many
 */
void
ls_form_document_add_check (LsFormDocument *self,
                            const char *label,
                            gboolean checked,
                            const LsFormBox *boxes,
                            guint n_boxes)
{
  Block *block;

  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (n_boxes == 0 || boxes != NULL);

  block = append_block (self, BLOCK_CHECK);
  block->text = dup_clean (label);
  block->checked = checked;
  block->boxes = copy_boxes (boxes, n_boxes);
}

/**
 * ls_form_document_add_text:
 * @label: the box's label
 * @value: (nullable): the text, any length
 * @mode: whether the box keeps its height and continues after the form,
 *   or grows across pages where it stands
 * @height: the box's height in points (the minimum height when flowing)
 *
 * Adds a full-width box for free text.  No text is ever cut.
 */
void
ls_form_document_add_text (LsFormDocument *self,
                           const char *label,
                           const char *value,
                           LsFormTextMode mode,
                           double height)
{
  Block *block;

  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));
  g_return_if_fail (label != NULL);

  block = append_block (self, BLOCK_TEXT);
  block->text = dup_clean (label);
  block->subtext = dup_clean (value);
  block->mode = mode;
  block->height = CLAMP (height, 0, CONTENT_BOTTOM - MARGIN_TOP - 60);
}

/**
 * ls_form_document_add_section_text:
 * @heading: the section's heading, drawn as the box's top band
 * @value: (nullable): the text, any length
 * @mode: as for ls_form_document_add_text()
 * @height: as for ls_form_document_add_text()
 *
 * Adds a section whose heading and free-text box are one, as the form's
 * large boxes are.  A continuation names the heading.
 */
void
ls_form_document_add_section_text (LsFormDocument *self,
                                   const char *heading,
                                   const char *value,
                                   LsFormTextMode mode,
                                   double height)
{
  Block *block;

  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));
  g_return_if_fail (heading != NULL);

  ls_form_document_add_text (self, heading, value, mode, height);
  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  block->bold = TRUE;
}

/**
 * ls_form_document_add_space:
 * @points: vertical space
 */
void
ls_form_document_add_space (LsFormDocument *self, double points)
{
  Block *block;

  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));

  block = append_block (self, BLOCK_SPACE);
  block->height = MAX (points, 0);
}

/**
 * ls_form_document_paginate:
 *
 * Lays the document out on pages, once; later calls return the cached
 * result until a block is added.
 *
 * Returns: the number of pages, at least 1
 */
guint
ls_form_document_paginate (LsFormDocument *self)
{
  g_autoptr (GPtrArray) continuations = NULL;
  Cursor cursor = { 0 };

  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), 0);

  if (self->pages != NULL)
    return self->pages->len;

  continuations = g_ptr_array_new_with_free_func (continuation_free);
  self->pages =
      g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->checks = g_array_new (FALSE, FALSE, sizeof (CheckPlace));
  cursor.self = self;
  cursor.continuations = continuations;
  new_page (&cursor);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case BLOCK_TITLE:
          place_title (&cursor, block);
          break;
        case BLOCK_HEADING:
          cursor.y += 6;
          place_heading (&cursor, block);
          break;
        case BLOCK_PARAGRAPH:
          place_paragraph (&cursor, block);
          break;
        case BLOCK_ROW:
          place_boxes (&cursor, block->boxes, MARGIN_X, CONTENT_WIDTH);
          break;
        case BLOCK_CHECK:
          place_check (&cursor, block);
          break;
        case BLOCK_TEXT:
          if (block->mode == LS_FORM_TEXT_FIXED)
            place_fixed_text (&cursor, block);
          else
            place_flowing_text (&cursor, block->text, block->subtext,
                                block->height, block->bold, FALSE);
          break;
        case BLOCK_SPACE:
          cursor.y += block->height;
          if (cursor.y > CONTENT_BOTTOM)
            new_page (&cursor);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  place_continuations (&cursor);
  add_footers (self);

  return self->pages->len;
}

/**
 * ls_form_document_get_n_pages:
 *
 * Returns: the number of pages, paginating first if needed
 */
guint
ls_form_document_get_n_pages (LsFormDocument *self)
{
  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), 0);

  return ls_form_document_paginate (self);
}

static void
draw_check (cairo_t *cr, Op *op)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, op->x, op->y, op->w, op->h);
  cairo_stroke (cr);
  if (op->checked)
    {
      double inset = 1.8;

      cairo_set_line_width (cr, 1.3);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, op->x + inset, op->y + inset);
      cairo_line_to (cr, op->x + op->w - inset, op->y + op->h - inset);
      cairo_move_to (cr, op->x + op->w - inset, op->y + inset);
      cairo_line_to (cr, op->x + inset, op->y + op->h - inset);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/**
 * ls_form_document_render_page:
 * @cr: a cairo context whose user space is in points with the origin at
 *   the page's top left corner
 * @page: the page, from 0
 *
 * Draws one page.  The same call serves the PDF, the printer and the tests.
 */
void
ls_form_document_render_page (LsFormDocument *self, cairo_t *cr, guint page)
{
  GPtrArray *ops;

  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < ls_form_document_paginate (self));

  ops = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, RULE);
  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = g_ptr_array_index (ops, i);

      switch (op->kind)
        {
        case OP_LAYOUT:
          cairo_move_to (cr, op->x, op->y);
          pango_cairo_show_layout (cr, op->layout);
          break;
        case OP_RECT:
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          cairo_stroke (cr);
          break;
        case OP_FILL:
          cairo_save (cr);
          if (op->h > 2 * RULE)
            cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          cairo_fill (cr);
          cairo_restore (cr);
          break;
        case OP_CHECK:
          draw_check (cr, op);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

/**
 * ls_form_document_get_n_checks:
 *
 * Returns: how many check boxes the document draws
 */
guint
ls_form_document_get_n_checks (LsFormDocument *self)
{
  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), 0);

  ls_form_document_paginate (self);
  return self->checks->len;
}

/**
 * ls_form_document_get_check:
 * @index: which check box, in the order they were added
 * @page: (out) (optional): its page, from 0
 * @x: (out) (optional): its left edge in points
 * @y: (out) (optional): its top edge in points, from the top of the page
 * @size: (out) (optional): its side in points
 * @checked: (out) (optional): whether it is ticked
 *
 * Where a check box was drawn, for tests and for anyone checking the PDF.
 *
 * Returns: %FALSE if there is no such check box
 */
gboolean
ls_form_document_get_check (LsFormDocument *self,
                            guint index,
                            guint *page,
                            double *x,
                            double *y,
                            double *size,
                            gboolean *checked)
{
  CheckPlace *place;

  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), FALSE);

  if (index >= ls_form_document_get_n_checks (self))
    return FALSE;

  place = &g_array_index (self->checks, CheckPlace, index);
  if (page != NULL)
    *page = place->page;
  if (x != NULL)
    *x = place->x;
  if (y != NULL)
    *y = place->y;
  if (size != NULL)
    *size = CHECK_SIZE;
  if (checked != NULL)
    *checked = place->checked;

  return TRUE;
}

static char *
dup_pdf_date (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * ls_form_document_render_pdf:
 * @write_func: (scope call): where the PDF's bytes go
 * @closure: its data
 *
 * Renders every page to a PDF with the document's metadata, the fonts
 * embedded and the text selectable.
 *
 * Returns: %TRUE on success
 */
gboolean
ls_form_document_render_pdf (LsFormDocument *self,
                             cairo_write_func_t write_func,
                             gpointer closure,
                             GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *date = NULL;
  guint n_pages;

  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_pages = ls_form_document_paginate (self);
  surface = cairo_pdf_surface_create_for_stream (
      write_func, closure, LS_FORM_PAGE_WIDTH, LS_FORM_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  self->title);
  if (self->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                    self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  PACKAGE_NAME " " PACKAGE_VERSION);
  date = dup_pdf_date ();
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  date);

  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      ls_form_document_render_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LS_FORM_ERROR,
                   status == CAIRO_STATUS_WRITE_ERROR ? LS_FORM_ERROR_WRITE
                                                      : LS_FORM_ERROR_RENDER,
                   _ ("The PDF could not be made: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

static cairo_status_t
write_to_byte_array_cb (void *closure,
                        const unsigned char *data,
                        unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * ls_form_document_to_pdf_bytes:
 *
 * Returns: (transfer full): the whole PDF, or %NULL with @error set
 */
GBytes *
ls_form_document_to_pdf_bytes (LsFormDocument *self, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();

  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), NULL);

  if (!ls_form_document_render_pdf (self, write_to_byte_array_cb, bytes, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

typedef struct
{
  int fd;
  int saved_errno;
} FdWriter;

static cairo_status_t
write_to_fd_cb (void *closure, const unsigned char *data, unsigned int length)
{
  FdWriter *writer = closure;

  while (length > 0)
    {
      ssize_t n = write (writer->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          writer->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }

  return CAIRO_STATUS_SUCCESS;
}

/**
 * ls_form_document_write_pdf:
 * @path: the file to write
 *
 * Writes the PDF readable by its owner only (0600), through a temporary file
 * in the same folder that is renamed into place, so that an error never
 * leaves a half-written file behind.
 *
 * Returns: %TRUE on success
 */
gboolean
ls_form_document_write_pdf (LsFormDocument *self,
                            const char *path,
                            GError **error)
{
  g_autoptr (LsOutput) output = NULL;
  g_autoptr (GError) local_error = NULL;
  FdWriter writer = { -1, 0 };

  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A temporary file that a later run removes if this one is killed. */
  output = ls_output_new (path, NULL, &local_error);
  if (output == NULL)
    goto failed;
  writer.fd = ls_output_get_fd (output);
  if (!ls_form_document_render_pdf (self, write_to_fd_cb, &writer,
                                    &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      if (local_error != NULL && local_error->code == LS_FORM_ERROR_RENDER)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (
            error, LS_FORM_ERROR, LS_FORM_ERROR_WRITE,
            _ ("Could not write “%s”: %s"), display,
            g_strerror (writer.saved_errno != 0 ? writer.saved_errno : EIO));
      return FALSE;
    }
  if (ls_output_commit (output, &local_error))
    return TRUE;

failed:
  /* The message of the file's error names it. */
  g_set_error_literal (error, LS_FORM_ERROR, LS_FORM_ERROR_WRITE,
                       local_error->message);
  return FALSE;
}
