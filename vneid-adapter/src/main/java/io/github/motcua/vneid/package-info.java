/**
 * VNeID-style citizen login (đăng nhập bằng tài khoản định danh điện tử): an OpenID Connect relying
 * party for the national single sign-on.
 *
 * <p>Entry point: {@link io.github.motcua.vneid.VneidClient}. A login is started with {@link
 * io.github.motcua.vneid.VneidClient#startLogin()}, which returns a {@link
 * io.github.motcua.vneid.LoginRequest} to keep in the session, and completed with {@link
 * io.github.motcua.vneid.VneidClient#completeLogin(java.net.URI,
 * io.github.motcua.vneid.LoginRequest)}, which returns a {@link
 * io.github.motcua.vneid.CitizenLogin}. Provider endpoints and claim names live in {@link
 * io.github.motcua.vneid.VneidProfile} and {@link io.github.motcua.vneid.ClaimMapping}. Every
 * failure is an {@link io.github.motcua.core.MotcuaException} with a stable code.
 */
package io.github.motcua.vneid;
