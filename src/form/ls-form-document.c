/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-form-document"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "ls-form-document-private.h"
#include "ls-form-text-private.h"

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
#define FONT_WATERMARK FONT_FAMILY " Bold 40"
/* an address is shrunk to fit its box down to this size before it breaks */
#define VALUE_SIZE 9.5
#define ADDRESS_MIN_SIZE 6.5

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
  gboolean address;

  /* from measure_box() to draw_box() */
  PangoLayout *label_layout;
  PangoLayout *value_layout;
  gsize cut;
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
  gboolean keep_with_next;
  GPtrArray *boxes; /* Box */
} Block;

typedef enum
{
  OP_LAYOUT,
  OP_RECT,
  OP_FILL,
  OP_CHECK,
  OP_WATERMARK,
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
  char *watermark;
  GPtrArray *blocks; /* Block */

  PangoContext *context;
  LsFormTextChecker *checker;
  /* the labels of the texts that held characters no font can draw */
  GPtrArray *undrawable;
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

/* Users type anything; Pango must only ever see valid UTF-8, and nothing
 * may print as a box of hex digits.  What no font can draw is replaced,
 * and the text's @label is noted so that the user can be told before
 * printing. */
static char *
dup_clean (LsFormDocument *self, const char *text, const char *label)
{
  g_autofree char *valid = NULL;
  char *clean;
  guint n_replaced = 0;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  clean = ls_form_text_checker_clean (self->checker, valid, &n_replaced);
  if (n_replaced > 0 && label != NULL)
    {
      g_autofree char *name = g_utf8_make_valid (label, -1);

      if (!g_ptr_array_find_with_equal_func (self->undrawable, name,
                                             g_str_equal, NULL))
        g_ptr_array_add (self->undrawable, g_steal_pointer (&name));
    }
  return clean;
}

static GPtrArray *
copy_boxes (LsFormDocument *self, const LsFormBox *boxes, guint n_boxes)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (box_free);

  for (guint i = 0; i < n_boxes; i++)
    {
      Box *box = g_new0 (Box, 1);

      box->label = dup_clean (self, boxes[i].label, NULL);
      box->continued_label =
          dup_clean (self,
                     boxes[i].continued_label != NULL ? boxes[i].continued_label
                                                      : boxes[i].label,
                     NULL);
      box->value = dup_clean (self, boxes[i].value, boxes[i].label);
      box->address = boxes[i].address;
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
  return ls_form_text_layout_new (self->context, font, text, -1, width);
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

/* How much of @text from @start fits in @height and @max_lines, in the
 * value font: see ls_form_text_fit(). */
static gsize
fit_text (LsFormDocument *self,
          const char *font,
          const char *text,
          gsize length,
          gsize start,
          double width,
          double height,
          guint max_lines,
          gsize *shown_end,
          double *used)
{
  return ls_form_text_fit (self->context, font, text, length, start, width,
                           height, max_lines, shown_end, used);
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

/* The font of an e-mail address in a box @inner wide: the value's, or
 * smaller so that the address fits one line, down to ADDRESS_MIN_SIZE.
 * One that still does not fit may break after its "@" and dots only. */
static char *
dup_address_font (LsFormDocument *self, Box *box, double inner)
{
  g_autoptr (PangoLayout) natural = NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE];
  int width;
  double scale;

  natural = make_layout (self, FONT_VALUE, box->value, -1);
  pango_layout_get_size (natural, &width, NULL);
  scale = inner / MAX (pango_units_to_double (width), 1);
  if (scale >= 1)
    return g_strdup (FONT_VALUE);
  if (VALUE_SIZE * scale < ADDRESS_MIN_SIZE &&
      strstr (box->value, "\xE2\x80\x8B") == NULL)
    {
      char *breakable = ls_form_text_dup_breakable_address (box->value);

      g_free (box->value);
      box->value = breakable;
    }
  g_ascii_formatd (
      size, sizeof size, "%.1f",
      MAX (floor (VALUE_SIZE * scale * 10) / 10, ADDRESS_MIN_SIZE));
  return g_strconcat (FONT_FAMILY " ", size, NULL);
}

/* Lays out one ruled box for @width and returns its height.  The layouts
 * stay on the box until draw_box() takes them: a row is measured before it
 * is drawn.  Only the lines the box shows are laid out; the rest goes on
 * a continuation page as text. */
static double
measure_box (LsFormDocument *self, Box *box, double width)
{
  double inner = width - 2 * PAD;
  double used = 0;
  double value_h;
  gsize shown;
  g_autofree char *font = NULL;

  g_clear_object (&box->label_layout);
  g_clear_object (&box->value_layout);
  /* an address longer than a line of any box is not an address to keep
   * whole, and shrinking it would cost a layout of all of it */
  font = box->address && strlen (box->value) < 1024
             ? dup_address_font (self, box, inner)
             : g_strdup (FONT_VALUE);
  box->label_layout = make_layout (self, FONT_LABEL, box->label, inner);
  box->cut = fit_text (self, font, box->value, strlen (box->value), 0, inner,
                       G_MAXDOUBLE, box->max_lines, &shown, &used);
  box->cut = ls_form_text_skip_breaks (box->value, box->cut);
  box->value_layout = ls_form_text_layout_new (self->context, font, box->value,
                                               (int) shown, inner);
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

/* Starts a new page unless @row and the start of @next fit on this one:
 * all of a flowing text that fits on a page, else its head and a few
 * lines. */
static void
keep_row_with_next (Cursor *cursor, Block *row, Block *next)
{
  LsFormDocument *self = cursor->self;
  double need = measure_boxes (cursor, row->boxes, CONTENT_WIDTH);

  if (next->kind == BLOCK_TEXT && next->mode == LS_FORM_TEXT_FLOW)
    {
      g_autoptr (PangoLayout) label =
          make_text_head (self, next->text, next->bold);
      double head = text_head_height (label, next->bold);
      double page = CONTENT_BOTTOM - cursor->top - need - head - PAD;
      gsize length = strlen (next->subtext);
      gsize shown;
      double used;
      gsize rest =
          fit_text (self, FONT_VALUE, next->subtext, length, 0,
                    CONTENT_WIDTH - 2 * PAD, page, G_MAXUINT, &shown, &used);

      if (ls_form_text_skip_breaks (next->subtext, rest) < length)
        used = 3 * value_line_height (self) + NOTE_HEIGHT;
      need +=
          MAX (head + MAX (used, value_line_height (self)) + PAD, next->height);
    }
  ensure_space (cursor, need);
}

/* "forts. på sida N" at the foot of a box whose text goes on at page
 * @target, from 0. */
static void
add_note (LsFormDocument *self,
          GPtrArray *page,
          guint target,
          double x,
          double y,
          double width)
{
  g_autofree char *note = g_strdup_printf ("forts. på sida %u", target + 1);
  PangoLayout *layout = make_layout (self, FONT_NOTE, note, width);

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  add_layout_op (page, layout, x, y);
}

/* A labelled text box that flows: it takes what fits on this page, says
 * on which page it goes on, and goes on at the top of the next one under
 * "forts. <label>".  When @continued, even its first part continues a box
 * cut earlier.  Each page lays out only the text it shows, so a text of
 * any length costs time in proportion to its length. */
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
  gsize length = strlen (text);
  gsize pos = continued ? ls_form_text_skip_breaks (text, 0) : 0;

  do
    {
      g_autofree char *label_str =
          continued ? g_strdup_printf ("forts. %s", label_text)
                    : g_strdup (label_text);
      PangoLayout *label = make_text_head (self, label_str, bold);
      double head = text_head_height (label, bold);
      double avail, used, h;
      gsize shown, next;
      gboolean more;

      ensure_space (cursor, head + one_line + PAD);
      avail = CONTENT_BOTTOM - cursor->y - head - PAD;
      next = fit_text (self, FONT_VALUE, text, length, pos, inner, avail,
                       G_MAXUINT, &shown, &used);
      more = ls_form_text_skip_breaks (text, next) < length;
      if (more)
        /* again, leaving room for the note of where it goes on */
        next = fit_text (self, FONT_VALUE, text, length, pos, inner,
                         avail - NOTE_HEIGHT, G_MAXUINT, &shown, &used);
      next = ls_form_text_skip_breaks (text, next);
      more = next < length;

      h = MAX (head + MAX (used, one_line) + PAD + (more ? NOTE_HEIGHT : 0),
               min_height);
      if (cursor->y + h > CONTENT_BOTTOM)
        h = MAX (CONTENT_BOTTOM - cursor->y, head + used + PAD);

      add_op (cursor->page, OP_RECT, MARGIN_X, cursor->y, CONTENT_WIDTH, h);
      add_text_head (cursor, label, bold);
      add_layout_op (cursor->page,
                     ls_form_text_layout_new (self->context, FONT_VALUE,
                                              text + pos, (int) (shown - pos),
                                              inner),
                     MARGIN_X + PAD, cursor->y + head);
      if (more)
        add_note (self, cursor->page, self->pages->len, MARGIN_X + PAD,
                  cursor->y + h - PAD - NOTE_HEIGHT, inner);
      cursor->y += h;
      pos = next;
      min_height = 0;
      if (more)
        new_page (cursor);
      continued = TRUE;
    }
  while (pos < length);
}

static void
place_fixed_text (Cursor *cursor, Block *block)
{
  LsFormDocument *self = cursor->self;
  double inner = CONTENT_WIDTH - 2 * PAD;
  PangoLayout *label = make_text_head (self, block->text, block->bold);
  double head = text_head_height (label, block->bold);
  double h = MAX (block->height, head + PAD + 20);
  double avail = h - head - PAD - NOTE_HEIGHT;
  double used;
  gsize length = strlen (block->subtext);
  gsize shown, cut;

  ensure_space (cursor, h);
  add_op (cursor->page, OP_RECT, MARGIN_X, cursor->y, CONTENT_WIDTH, h);
  add_text_head (cursor, label, block->bold);

  cut = fit_text (self, FONT_VALUE, block->subtext, length, 0, inner, avail,
                  G_MAXUINT, &shown, &used);
  cut = ls_form_text_skip_breaks (block->subtext, cut);
  if (cut < length)
    {
      Continuation *cont = g_new0 (Continuation, 1);

      cont->label = g_strdup (block->text);
      cont->text = g_strdup (block->subtext + cut);
      cont->bold = block->bold;
      cont->note_page = self->pages->len - 1;
      cont->note_x = MARGIN_X + PAD;
      cont->note_y = cursor->y + h - PAD - NOTE_HEIGHT;
      cont->note_w = inner;
      g_ptr_array_add (cursor->continuations, cont);
    }
  add_layout_op (cursor->page,
                 ls_form_text_layout_new (self->context, FONT_VALUE,
                                          block->subtext, (int) shown, inner),
                 MARGIN_X + PAD, cursor->y + head);
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

      add_note (self, g_ptr_array_index (self->pages, cont->note_page),
                cont->first_page, cont->note_x, cont->note_y, cont->note_w);
    }
}

/* The mark across the page, first of its operations so that the content
 * is drawn over it: centred, along the diagonal, as wide as fits. */
static void
add_watermark (LsFormDocument *self, GPtrArray *page)
{
  PangoLayout *layout = make_layout (self, FONT_WATERMARK, self->watermark, -1);
  double diagonal = hypot (LS_FORM_PAGE_WIDTH, LS_FORM_PAGE_HEIGHT);
  int width, height;
  Op *op = g_new0 (Op, 1);

  pango_layout_get_size (layout, &width, &height);
  op->kind = OP_WATERMARK;
  op->layout = layout;
  op->w = pango_units_to_double (width);
  op->h = pango_units_to_double (height);
  /* the scale, so that the mark spans about 80 % of the diagonal */
  op->x = diagonal * 0.8 / MAX (op->w, 1);
  op->y = -atan2 (LS_FORM_PAGE_HEIGHT, LS_FORM_PAGE_WIDTH);
  g_ptr_array_insert (page, 0, op);
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
      if (self->watermark != NULL)
        add_watermark (self, page);
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
  g_clear_pointer (&self->watermark, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->undrawable, g_ptr_array_unref);
  g_clear_pointer (&self->checker, ls_form_text_checker_free);
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
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->undrawable = g_ptr_array_new_with_free_func (g_free);

  /* The default font map is per thread, so a document built and drawn in a
   * worker thread is safe. */
  self->context = ls_form_text_context_new ();
  self->checker = ls_form_text_checker_new (self->context, FONT_VALUE);
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
  self->title = dup_clean (self, title, NULL);
  self->subject = subject != NULL ? dup_clean (self, subject, NULL) : NULL;

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
  self->running_header = text != NULL ? dup_clean (self, text, NULL) : NULL;
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
  self->footer = text != NULL ? dup_clean (self, text, NULL) : NULL;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_array_unref);
}

/**
 * ls_form_document_set_watermark:
 * @text: (nullable): a mark drawn large, light and across every page, such
 *   as "UTKAST", under the content
 *
 * Marks every page, so that a draft can never pass for the real thing.
 */
void
ls_form_document_set_watermark (LsFormDocument *self, const char *text)
{
  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));

  g_clear_pointer (&self->watermark, g_free);
  self->watermark = text != NULL ? dup_clean (self, text, NULL) : NULL;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_array_unref);
}

/**
 * ls_form_document_get_watermark:
 *
 * Returns: (transfer none) (nullable): the mark across every page
 */
const char *
ls_form_document_get_watermark (LsFormDocument *self)
{
  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), NULL);

  return self->watermark;
}

/**
 * ls_form_document_keep_with_next:
 *
 * Keeps the block added last on the page of the one added next: a
 * documented item's date, source and author stay with its text.  When the
 * next is a flowing text that fits on one page, all of it is kept with the
 * block; a longer one keeps at least its first lines.
 */
void
ls_form_document_keep_with_next (LsFormDocument *self)
{
  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));
  g_return_if_fail (self->blocks->len > 0);

  ((Block *) g_ptr_array_index (self->blocks, self->blocks->len - 1))
      ->keep_with_next = TRUE;
}

/**
 * ls_form_document_dup_undrawable_labels:
 *
 * The labels of the boxes and texts that held characters no installed
 * font can draw, such as an emoji with a skin tone.  The document prints a
 * placeholder (U+FFFD) for each; tell the user before printing.
 *
 * Returns: (transfer full): the labels, in the order they were added; an
 *   empty list when everything can be drawn
 */
GStrv
ls_form_document_dup_undrawable_labels (LsFormDocument *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->undrawable->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->undrawable, i));
  return g_strv_builder_end (builder);
}

const char *
ls_form_document_get_subject (LsFormDocument *self)
{
  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), NULL);

  return self->subject;
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
  block->text = dup_clean (self, title, NULL);
  block->subtext = dup_clean (self, subtitle, NULL);
  block->boxes = copy_boxes (self, box, box != NULL ? 1 : 0);
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
  block->text = dup_clean (self, text, NULL);
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
  block->text = dup_clean (self, text, NULL);
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
  block->boxes = copy_boxes (self, boxes, n_boxes);
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
  block->text = dup_clean (self, label, NULL);
  block->checked = checked;
  block->boxes = copy_boxes (self, boxes, n_boxes);
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
  block->text = dup_clean (self, label, NULL);
  block->subtext = dup_clean (self, value, label);
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
          if (block->keep_with_next && i + 1 < self->blocks->len)
            keep_row_with_next (&cursor, block,
                                g_ptr_array_index (self->blocks, i + 1));
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
        case OP_WATERMARK:
          cairo_save (cr);
          cairo_translate (cr, LS_FORM_PAGE_WIDTH / 2, LS_FORM_PAGE_HEIGHT / 2);
          cairo_rotate (cr, op->y);
          cairo_scale (cr, op->x, op->x);
          cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
          cairo_move_to (cr, -op->w / 2, -op->h / 2);
          pango_cairo_show_layout (cr, op->layout);
          cairo_restore (cr);
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
