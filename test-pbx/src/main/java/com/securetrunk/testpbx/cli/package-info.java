/** picocli subcommands of {@code test-pbx.jar}; each prints where it listens and stops cleanly on Ctrl-C. */
package com.securetrunk.testpbx.cli;
