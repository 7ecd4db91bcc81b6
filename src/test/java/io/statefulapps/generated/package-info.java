/**
 * Generated inputs thrown at the running service on the embedded cluster: thousands of AppSpec
 * bodies, merge patches, path parameters and query flags (valid, nearly valid, hostile), drawn
 * from jqwik arbitraries with a fixed seed, each answer held to the API's error contract.
 */
package io.statefulapps.generated;
