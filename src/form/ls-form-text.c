/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-form-text"

#include "config.h"

#include <string.h>

#include "ls-form-text-private.h"

/* How much text one layout holds while lines are fitted into a box or a
 * page.  A layout of a whole text would be laid out again for every page,
 * and a paragraph of a few hundred kilobytes is wider than Pango's 32-bit
 * units can measure, so Pango breaks it wrongly and the text is cut. */
#define CHUNK_BYTES 8192

/**
 * ls_form_text_context_new:
 *
 * A Pango context of the calling thread's font map, the same for every
 * surface: unhinted metrics lay a text out alike in the PDF, on the
 * printer, on screen and in test images.
 *
 * Returns: (transfer full): the context
 */
PangoContext *
ls_form_text_context_new (void)
{
  PangoContext *context =
      pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("sv-se"));
  /* The documents are Swedish, written left to right: a paragraph that
   * begins with an Arabic name keeps the margins of every other. */
  pango_context_set_base_dir (context, PANGO_DIRECTION_LTR);

  return context;
}

/**
 * ls_form_text_layout_new:
 * @length: bytes of @text, or -1 for all of it
 * @width: the width to wrap at, or a negative number for no wrapping
 *
 * A layout that wraps at words and, inside a word too long for a line, at
 * characters.  It never draws a hyphen that is not in the text: on a legal
 * document an added hyphen could be read as part of an address or a name.
 *
 * Returns: (transfer full): the layout
 */
PangoLayout *
ls_form_text_layout_new (PangoContext *context,
                         const char *font,
                         const char *text,
                         int length,
                         double width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr (PangoFontDescription) desc =
      pango_font_description_from_string (font);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, FALSE);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_text (layout, text, length);

  return layout;
}

/* Where the next chunk of @text from @pos ends.  A chunk that ends at a
 * paragraph break (or at the end) is @complete: all its lines are final.
 * Otherwise its last line may still grow with the text that follows. */
static gsize
find_chunk_end (
    const char *text, gsize pos, gsize length, gsize size, gboolean *complete)
{
  gsize end;

  *complete = TRUE;
  if (length - pos <= size)
    return length;
  for (gsize i = pos + size; i > pos; i--)
    if (text[i - 1] == '\n')
      {
        end = i - 1;
        if (end > pos && text[end - 1] == '\r')
          end--;
        return end;
      }

  *complete = FALSE;
  end = pos + size;
  while (end > pos && ((guchar) text[end] & 0xC0) == 0x80)
    end--;
  return end;
}

/* Past the paragraph separator at @end ("\n" or "\r\n"). */
static gsize
skip_separator (const char *text, gsize end, gsize length)
{
  if (end < length && text[end] == '\r' && end + 1 < length &&
      text[end + 1] == '\n')
    return end + 2;
  return MIN (end + 1, length);
}

/**
 * ls_form_text_fit:
 * @text: the whole text
 * @length: its length in bytes
 * @start: where the part to fit starts, at the start of a line
 * @width: the width of the box
 * @height: the height the lines may take
 * @max_lines: at most this many lines
 * @shown_end: (out): where the text that fits ends, without the paragraph
 *   separator after it: lay out @start to @shown_end to draw it
 * @used: (out): the height of the lines that fit
 *
 * Fits lines of @text from @start into a box.  At least one line is taken
 * even if it does not fit, so that a line taller than a page still goes
 * somewhere.  Only as much text is laid out as the box can show, a chunk at
 * a time, so that fitting a whole text page after page costs time in
 * proportion to its length.
 *
 * Returns: where the text that does not fit starts, @length when all fits
 */
gsize
ls_form_text_fit (PangoContext *context,
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
  gsize pos = start;
  gsize size = CHUNK_BYTES;
  guint n = 0;

  *used = 0;
  *shown_end = start;
  while (pos < length)
    {
      gboolean complete;
      gsize end = find_chunk_end (text, pos, length, size, &complete);
      g_autoptr (PangoLayout) layout = ls_form_text_layout_new (
          context, font, text + pos, (int) (end - pos), width);
      g_autoptr (PangoLayoutIter) iter = NULL;
      int n_lines = pango_layout_get_line_count (layout);

      /* One line longer than a chunk, such as thousands of combining
       * marks: take a larger chunk. */
      if (!complete && n_lines < 2)
        {
          size *= 2;
          continue;
        }

      iter = pango_layout_get_iter (layout);
      for (int i = 0; complete || i < n_lines - 1; i++)
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          PangoRectangle rect;
          double h;

          pango_layout_iter_get_line_extents (iter, NULL, &rect);
          h = pango_units_to_double (rect.height);
          if (n >= max_lines || (n > 0 && *used + h > height + 0.01))
            return pos + line->start_index;
          *used += h;
          n++;
          *shown_end = pos + line->start_index + line->length;
          if (!pango_layout_iter_next_line (iter))
            break;
        }

      if (complete)
        pos = end < length ? skip_separator (text, end, length) : length;
      else
        pos +=
            pango_layout_get_line_readonly (layout, n_lines - 1)->start_index;
      size = CHUNK_BYTES;
    }

  return length;
}

/**
 * ls_form_text_skip_breaks:
 *
 * Returns: @pos moved past the paragraph breaks there: a part continued
 *   on another page starts with its first word, not with a blank line
 */
gsize
ls_form_text_skip_breaks (const char *text, gsize pos)
{
  while (text[pos] == '\n' || text[pos] == '\r' ||
         strncmp (text + pos, "\xE2\x80\xA8", 3) == 0 ||
         strncmp (text + pos, "\xE2\x80\xA9", 3) == 0)
    pos += text[pos] == '\n' || text[pos] == '\r' ? 1 : 3;
  return pos;
}

/**
 * ls_form_text_dup_breakable_address:
 *
 * An e-mail address has no place where Pango may break it, so a long one
 * would be broken anywhere.  A zero-width space after each "@" and "."
 * lets it break only there; it draws nothing and is not in the PDF's text.
 *
 * Returns: (transfer full): the address with the break opportunities
 */
char *
ls_form_text_dup_breakable_address (const char *address)
{
  GString *out = g_string_sized_new (strlen (address) + 16);

  for (const char *p = address; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if ((*p == '@' || *p == '.') && p[1] != '\0')
        g_string_append (out, "\xE2\x80\x8B");
    }
  return g_string_free (out, FALSE);
}

/* ---- Characters no font can draw ------------------------------------- */

struct _LsFormTextChecker
{
  PangoFontset *fontset;
  GHashTable *known; /* codepoint -> DRAWABLE or UNDRAWABLE */
};

enum
{
  UNKNOWN,
  DRAWABLE,
  UNDRAWABLE,
};

/**
 * ls_form_text_checker_new:
 * @font: the font the text is drawn in
 *
 * Returns: (transfer full): a checker of which characters the fonts
 *   installed for @context can draw
 */
LsFormTextChecker *
ls_form_text_checker_new (PangoContext *context, const char *font)
{
  LsFormTextChecker *checker = g_new0 (LsFormTextChecker, 1);
  g_autoptr (PangoFontDescription) desc =
      pango_font_description_from_string (font);

  checker->fontset = pango_font_map_load_fontset (
      pango_context_get_font_map (context), context, desc,
      pango_context_get_language (context));
  checker->known = g_hash_table_new (NULL, NULL);

  return checker;
}

void
ls_form_text_checker_free (LsFormTextChecker *checker)
{
  if (checker == NULL)
    return;
  g_clear_object (&checker->fontset);
  g_hash_table_unref (checker->known);
  g_free (checker);
}

/* Characters Pango draws as nothing, or as a break, whatever the font. */
static gboolean
is_invisible (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || c == 0x00AD ||
         (c >= 0x200B && c <= 0x200F) || c == 0x2028 || c == 0x2029 ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
         (c >= 0xE0000 && c <= 0xE0FFF);
}

/* What belongs to the character before it: when that one is replaced,
 * these go with it, so that an emoji with a skin tone or a joined
 * sequence becomes one placeholder, not several. */
static gboolean
is_attached (gunichar c)
{
  return g_unichar_ismark (c) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

static gboolean
can_draw (LsFormTextChecker *checker, gunichar c)
{
  int state;
  PangoFont *font;

  if (c >= 0x20 && c < 0x7F)
    return TRUE;
  if (is_invisible (c))
    return TRUE;
  /* control characters are drawn as hex boxes */
  if (c < 0x20 || (c >= 0x7F && c < 0xA0))
    return FALSE;

  state = GPOINTER_TO_INT (
      g_hash_table_lookup (checker->known, GUINT_TO_POINTER (c)));
  if (state != UNKNOWN)
    return state == DRAWABLE;

  font = pango_fontset_get_font (checker->fontset, c);
  state = font != NULL && pango_font_has_char (font, c) ? DRAWABLE : UNDRAWABLE;
  g_clear_object (&font);
  g_hash_table_insert (checker->known, GUINT_TO_POINTER (c),
                       GINT_TO_POINTER (state));

  return state == DRAWABLE;
}

/**
 * ls_form_text_checker_clean:
 * @text: (nullable): valid UTF-8
 * @n_replaced: (out) (optional): how many placeholders were put in
 *
 * Replaces what no installed font can draw, which Pango would print as a
 * box of hex digits, with %LS_FORM_TEXT_PLACEHOLDER: the marks, skin tones
 * and joiners that go with such a character are replaced with it.
 *
 * Returns: (transfer full): the text to draw
 */
char *
ls_form_text_checker_clean (LsFormTextChecker *checker,
                            const char *text,
                            guint *n_replaced)
{
  GString *out;
  guint n = 0;
  const char *p;

  if (n_replaced != NULL)
    *n_replaced = 0;
  if (text == NULL)
    return g_strdup ("");

  for (p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p >= 0x7F)
      break;
  if (*p == '\0')
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  g_string_append_len (out, text, p - text);
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (can_draw (checker, c))
        g_string_append_len (out, p, next - p);
      else
        {
          g_string_append (out, LS_FORM_TEXT_PLACEHOLDER);
          n++;
          while (*next != '\0' && is_attached (g_utf8_get_char (next)))
            next = g_utf8_next_char (next);
        }
      p = next;
    }

  if (n_replaced != NULL)
    *n_replaced = n;
  return g_string_free (out, FALSE);
}
