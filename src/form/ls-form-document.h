/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A4 portrait in PostScript points, the unit of everything below. */
#define LS_FORM_PAGE_WIDTH 595.28
#define LS_FORM_PAGE_HEIGHT 841.89

#define LS_FORM_ERROR (ls_form_error_quark ())

/**
 * LsFormError:
 * @LS_FORM_ERROR_WRITE: the PDF file could not be written
 * @LS_FORM_ERROR_RENDER: cairo failed to draw the document
 * @LS_FORM_ERROR_INVALID: the data cannot make a form, or a PDF cannot be
 *   read
 * @LS_FORM_ERROR_PRINT: the form could not be printed
 */
typedef enum
{
  LS_FORM_ERROR_WRITE,
  LS_FORM_ERROR_RENDER,
  LS_FORM_ERROR_INVALID,
  LS_FORM_ERROR_PRINT,
} LsFormError;

/**
 * LsFormBox:
 * @label: the small label above the value, Swedish
 * @value: (nullable): the filled-in value, any Unicode, may contain newlines
 * @weight: the box's share of the row's width (0 counts as 1)
 * @max_lines: how many lines of the value the box shows before the rest
 *   continues on a continuation page (0 means 3)
 * @min_lines: how many lines of room the box keeps even when empty, such as
 *   room for a hand-written signature (0 means 1)
 * @continued_label: (nullable): what a continuation page calls the box when
 *   its label alone could be another box's, such as "Postort (enhet)";
 *   %NULL means @label
 * @address: the value is an address, such as an e-mail address, read as
 *   one word: it is shrunk to fit its line and, if it still does not fit,
 *   broken only after "@" and ".", never with a hyphen
 *
 * One ruled box of a row.
 */
typedef struct
{
  const char *label;
  const char *value;
  double weight;
  guint max_lines;
  guint min_lines;
  const char *continued_label;
  gboolean address;
} LsFormBox;

/**
 * LsFormTextMode:
 * @LS_FORM_TEXT_FIXED: the box has a fixed height on the form; what does not
 *   fit continues on continuation pages after the form
 * @LS_FORM_TEXT_FLOW: the box grows and breaks across pages where it stands
 */
typedef enum
{
  LS_FORM_TEXT_FIXED,
  LS_FORM_TEXT_FLOW,
} LsFormTextMode;

/**
 * LsFormDrawFunc:
 * @cr: the context, with the origin at the drawing's top left corner
 * @width: the drawing's width in points
 * @height: its height in points
 *
 * Draws a drawing of a document.  It runs whenever a page is drawn.
 */
typedef void (*LsFormDrawFunc) (cairo_t *cr,
                                double width,
                                double height,
                                gpointer user_data);

/*
 * LsFormDocument lays its text out with the Pango font map of the thread
 * that builds it.  Build and draw a document in the same thread: one built
 * on the main loop and drawn in a worker shares GTK's font map across
 * threads, which Pango does not allow.  To render off the main loop, copy
 * the data and build the document inside the worker.
 */
#define LS_TYPE_FORM_DOCUMENT (ls_form_document_get_type ())

G_DECLARE_FINAL_TYPE (
    LsFormDocument, ls_form_document, LS, FORM_DOCUMENT, GObject)

/* clang-format off */
GQuark          ls_form_error_quark                (void);

LsFormDocument *ls_form_document_new               (const char      *title,
                                                    const char      *subject);
const char     *ls_form_document_get_title         (LsFormDocument  *self);
void            ls_form_document_set_running_header (LsFormDocument *self,
                                                    const char      *text);
void            ls_form_document_set_footer        (LsFormDocument  *self,
                                                    const char      *text);
void            ls_form_document_set_watermark     (LsFormDocument  *self,
                                                    const char      *text);
const char     *ls_form_document_get_watermark     (LsFormDocument  *self);
void            ls_form_document_keep_with_next    (LsFormDocument  *self);
GStrv           ls_form_document_dup_undrawable_labels
                                                   (LsFormDocument  *self);
void            ls_form_document_add_title         (LsFormDocument  *self,
                                                    const char      *title,
                                                    const char      *subtitle,
                                                    const LsFormBox *box);
void            ls_form_document_add_heading       (LsFormDocument  *self,
                                                    const char      *text);
void            ls_form_document_add_paragraph     (LsFormDocument  *self,
                                                    const char      *text,
                                                    gboolean         bold);
void            ls_form_document_add_row           (LsFormDocument  *self,
                                                    const LsFormBox *boxes,
                                                    guint            n_boxes);
void            ls_form_document_add_check         (LsFormDocument  *self,
                                                    const char      *label,
                                                    gboolean         checked,
                                                    const LsFormBox *boxes,
                                                    guint            n_boxes);
void            ls_form_document_add_text          (LsFormDocument  *self,
                                                    const char      *label,
                                                    const char      *value,
                                                    LsFormTextMode   mode,
                                                    double           height);
void            ls_form_document_add_section_text  (LsFormDocument  *self,
                                                    const char      *heading,
                                                    const char      *value,
                                                    LsFormTextMode   mode,
                                                    double           height);
void            ls_form_document_add_space         (LsFormDocument  *self,
                                                    double           points);
void            ls_form_document_add_drawing       (LsFormDocument  *self,
                                                    double           height,
                                                    LsFormDrawFunc   func,
                                                    gpointer         user_data,
                                                    GDestroyNotify   destroy);
double          ls_form_document_get_content_width (LsFormDocument  *self);

guint           ls_form_document_paginate          (LsFormDocument  *self);
guint           ls_form_document_get_n_pages       (LsFormDocument  *self);
void            ls_form_document_render_page       (LsFormDocument  *self,
                                                    cairo_t         *cr,
                                                    guint            page);
guint           ls_form_document_get_n_checks      (LsFormDocument  *self);
gboolean        ls_form_document_get_check         (LsFormDocument  *self,
                                                    guint            index,
                                                    guint           *page,
                                                    double          *x,
                                                    double          *y,
                                                    double          *size,
                                                    gboolean        *checked);

gboolean        ls_form_document_render_pdf        (LsFormDocument  *self,
                                                    cairo_write_func_t write_func,
                                                    gpointer         closure,
                                                    GError         **error);
GBytes         *ls_form_document_to_pdf_bytes      (LsFormDocument  *self,
                                                    GError         **error);
gboolean        ls_form_document_write_pdf         (LsFormDocument  *self,
                                                    const char      *path,
                                                    GError         **error);
/* clang-format on */

G_END_DECLS
