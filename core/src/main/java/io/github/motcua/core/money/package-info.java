/**
 * Money: amounts of Vietnamese đồng ({@link io.github.motcua.core.money.Vnd}) and their reading in
 * words ({@link io.github.motcua.core.money.VietnameseNumberWords}).
 */
package io.github.motcua.core.money;
