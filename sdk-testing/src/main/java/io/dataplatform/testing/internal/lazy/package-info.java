/**
 * Clients that build what they stand for on their first call (generated), so a FakeAws world builds a
 * service only when a test uses it.
 */
package io.dataplatform.testing.internal.lazy;
