package io.eave.toit.editor;

/** Identifiers this plugin declares in plugin.xml and others refer to. */
public final class ToitEditorIds {
    /** The content type of Toit source files ({@code *.toit}). */
    public static final String CONTENT_TYPE = "io.eave.toit.source";
    /** The command that comments or uncomments the selected lines. */
    public static final String TOGGLE_COMMENT_COMMAND = "io.eave.toit.editor.toggleComment";

    private ToitEditorIds() {
    }
}
