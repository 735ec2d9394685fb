/**
 * The asterisk-java side: a connection that never reconnects by itself (the bridge reconnects with
 * {@link com.securetrunk.ami.connection.Backoff}), and {@link com.securetrunk.ami.connection.AmiClient}, the few
 * actions discovery and provisioning send ({@code CoreSettings}, {@code Command}, {@code GetConfig},
 * {@code UpdateConfig}, {@code Reload}; Asterisk main/manager.c).
 */
package com.securetrunk.ami.connection;
