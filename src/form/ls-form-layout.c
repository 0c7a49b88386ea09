/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-form-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ls-form-document-private.h"
#include "ls-form-text-private.h"

/* The layout engine: the blocks of a document placed on pages as drawing
 * operations, once, for every surface to draw alike. */

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

/* The height of the drawing that follows block @index, past any space,
 * or 0. */
static double
drawing_after (LsFormDocument *self, guint index)
{
  double height = 0;

  for (guint i = index + 1; i < self->blocks->len; i++)
    {
      Block *next = g_ptr_array_index (self->blocks, i);

      if (next->kind == BLOCK_DRAWING)
        return height + next->height;
      if (next->kind != BLOCK_SPACE)
        break;
      height += next->height;
    }
  return 0;
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
  else if (next->kind == BLOCK_ROW)
    need += measure_boxes (cursor, next->boxes, CONTENT_WIDTH);
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
        {
          /* and once more, small, in the top margin where it is read
           * along with the text, by a person and by a machine */
          PangoLayout *top =
              make_layout (self, FONT_HEADING, self->watermark, CONTENT_WIDTH);

          pango_layout_set_alignment (top, PANGO_ALIGN_CENTER);
          add_layout_op (page, top, MARGIN_X, MARGIN_TOP - 24);
          add_watermark (self, page);
        }
      if (self->footer != NULL)
        add_layout_op (
            page,
            make_layout (self, FONT_FOOTER, self->footer, CONTENT_WIDTH * 0.75),
            MARGIN_X, y);
    }
}

/* Lays the blocks out on pages: fills self->pages and self->checks. */
void
ls_form_document_lay_out (LsFormDocument *self)
{
  g_autoptr (GPtrArray) continuations = NULL;
  Cursor cursor = { 0 };

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
          /* A chart goes on the page of its heading. */
          ensure_space (&cursor, drawing_after (self, i) + 24);
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
        case BLOCK_DRAWING:
          if (cursor.y + block->height > CONTENT_BOTTOM &&
              cursor.y > cursor.top)
            new_page (&cursor);
          add_op (cursor.page, OP_DRAWING, MARGIN_X, cursor.y, CONTENT_WIDTH,
                  block->height)
              ->drawing = block;
          cursor.y += block->height;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  place_continuations (&cursor);
  add_footers (self);
}
