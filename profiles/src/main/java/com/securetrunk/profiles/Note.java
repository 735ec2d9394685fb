package com.securetrunk.profiles;

import java.util.Objects;

/**
 * One human sentence about a quirk, shown by {@code securetrunk profiles show}, with where the fact comes from.
 *
 * @param id     short key of the note in the profile file ({@code notes.<id>}); a child profile overrides a parent's
 *               note by reusing its id
 * @param text   the sentence
 * @param source where the fact was checked (document, source file at a tag, issue); never empty
 */
public record Note(String id, String text, String source) {
    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
