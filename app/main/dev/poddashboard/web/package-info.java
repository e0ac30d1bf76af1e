/**
 * HTTP: the Javalin server factory, routes, controllers (HTTP in, view model out), the Thymeleaf renderer,
 * security headers, health endpoints, and the one place where exceptions become error pages and JSON errors.
 */
package dev.poddashboard.web;
