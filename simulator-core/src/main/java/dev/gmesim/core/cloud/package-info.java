/**
 * GME's server API (TencentCloud API 3.0) as the simulator serves it: the served actions
 * ({@link dev.gmesim.core.cloud.CloudApi}), the string-keyed error-code catalog
 * ({@link dev.gmesim.core.cloud.ApiErrorCode}) and API keys ({@link dev.gmesim.core.cloud.CloudSecret}).
 * docs/server-api.md describes the actions, fields, codes and signatures.
 */
package dev.gmesim.core.cloud;
