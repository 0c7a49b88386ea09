/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "ls-form-document.h"
#include "ls-form-text-private.h"

G_BEGIN_DECLS

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
  BLOCK_DRAWING,
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
  LsFormDrawFunc draw_func;
  gpointer draw_data;
  GDestroyNotify draw_destroy;
} Block;

typedef enum
{
  OP_LAYOUT,
  OP_RECT,
  OP_FILL,
  OP_CHECK,
  OP_WATERMARK,
  OP_DRAWING,
} OpKind;

typedef struct
{
  OpKind kind;
  double x, y, w, h;
  PangoLayout *layout;
  gboolean checked;
  const Block *drawing;
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

/* clang-format off */
const char *ls_form_document_get_subject (LsFormDocument *self);
void        ls_form_document_lay_out     (LsFormDocument *self);
/* clang-format on */

G_END_DECLS
