#ifndef WIDGET_H
#define WIDGET_H

/**
 * DOC: Widget overview
 *
 * Widgets are made with widget_new().
 */

/**
 * struct Widget - a widget
 * @size: its size in %WIDGET_UNIT
 * @ops: callbacks
 *
 * A widget; see &struct Widget and #Widget.
 */
struct Widget {
    int size;
    void (*ops)(struct Widget *w, int n);
    /* private: */
    int secret;
};

/**
 * enum WidgetKind - kinds
 * @WIDGET_A: the first
 * @WIDGET_B: the second
 */
enum WidgetKind {
    WIDGET_A,
    WIDGET_B = 2,
};

/**
 * widget_new - make a widget
 * that is new
 * @size: the size
 * @name: its name
 *
 * Makes a widget of @size.
 *
 * Returns: the &Widget.
 */
static inline Widget *widget_new(int size, const char *name)
{
    return NULL;
}

/**
 * WIDGET_MAX:
 * @a: one
 * @b: two
 *
 * The larger.
 */
#define WIDGET_MAX(a, b) \
    ((a) > (b) ? (a) : (b))

/** struct Hidden - one-line comments are not kernel-doc */
#endif
