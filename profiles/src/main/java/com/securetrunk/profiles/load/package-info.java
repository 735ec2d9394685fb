/**
 * Reading profiles from HOCON: built-ins from the class path ({@code profiles/<name>.conf}), user profiles from a
 * directory, {@code extends} resolved with cycle and missing-parent detection, every problem reported as a
 * {@link com.securetrunk.profiles.hocon.ConfigProblem} with file, line, key path, expected and found.
 * {@link com.securetrunk.profiles.load.ProfileKeys} lists every key a profile file may hold (docs/profiles.md
 * documents each). Depends on Typesafe Config and the model package.
 */
package com.securetrunk.profiles.load;
