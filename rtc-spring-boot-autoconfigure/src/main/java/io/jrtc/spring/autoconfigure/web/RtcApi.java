package io.jrtc.spring.autoconfigure.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose errors {@link RtcProblemDetailsAdvice} answers as RFC 9457 problem details. The
 * starter's own controller carries it; an application's WebRTC controllers (a WHIP endpoint, say) may too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RtcApi {
}
