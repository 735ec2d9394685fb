/**
 * {@code securetrunk asterisk config} and {@code securetrunk asterisk provision}: option parsing only; the trunk,
 * the dry-run rendering and the provisioning live in ami-bridge ({@code com.securetrunk.ami}).
 */
package com.securetrunk.gateway.app.asterisk;
