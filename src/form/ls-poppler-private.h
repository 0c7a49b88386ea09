/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* poppler-glib 22.12 has no autoptr support of its own; this is the one
 * place that adds it, for the app and the tests alike. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

G_END_DECLS
