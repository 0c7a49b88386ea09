/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-form-document"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "ls-form-document-private.h"
#include "ls-form-text-private.h"
#include "ls-law.h"

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
  if (block->draw_destroy != NULL)
    block->draw_destroy (block->draw_data);
  g_free (block);
}

/* Users type anything; Pango must only ever see valid UTF-8, and nothing
 * may print as a box of hex digits.  What no font can draw is replaced,
 * and the text's @label is noted so that the user can be told before
 * printing. */
static char *
dup_clean (LsFormDocument *self, const char *text, const char *label)
{
  g_autofree char *valid = NULL;
  g_autofree char *joined = NULL;
  char *clean;
  guint n_replaced = 0;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  /* no legal reference wraps inside, whoever wrote it */
  joined = ls_law_format_reference (valid);
  clean = ls_form_text_checker_clean (self->checker, joined, &n_replaced);
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
  /* the metadata is never wrapped, so it is kept as given */
  self->title = g_utf8_make_valid (title, -1);
  self->subject = subject != NULL ? g_utf8_make_valid (subject, -1) : NULL;

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
 * ls_form_document_add_drawing:
 * @height: the height of the drawing, in points; it is kept whole on one
 *   page
 * @func: (scope notified): draws it into (0, 0, content width, @height)
 * @destroy: (nullable): frees @user_data with the document
 *
 * Adds something drawn with Cairo, such as a chart, across the width of
 * the content.
 */
void
ls_form_document_add_drawing (LsFormDocument *self,
                              double height,
                              LsFormDrawFunc func,
                              gpointer user_data,
                              GDestroyNotify destroy)
{
  Block *block;

  g_return_if_fail (LS_IS_FORM_DOCUMENT (self));
  g_return_if_fail (func != NULL);

  block = append_block (self, BLOCK_DRAWING);
  block->height = CLAMP (height, 0, CONTENT_BOTTOM - MARGIN_TOP - 60);
  block->draw_func = func;
  block->draw_data = user_data;
  block->draw_destroy = destroy;
}

/**
 * ls_form_document_get_content_width:
 *
 * Returns: the width of a page's content, in points
 */
double
ls_form_document_get_content_width (LsFormDocument *self)
{
  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), 0);

  return CONTENT_WIDTH;
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
  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), 0);

  if (self->pages == NULL)
    ls_form_document_lay_out (self);

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
  /* paper inside, so that nothing under the box, such as a draft's mark,
   * can be read as a cross */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, op->x, op->y, op->w, op->h);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
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
        case OP_DRAWING:
          cairo_save (cr);
          cairo_translate (cr, op->x, op->y);
          op->drawing->draw_func (cr, op->w, op->h, op->drawing->draw_data);
          cairo_restore (cr);
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
