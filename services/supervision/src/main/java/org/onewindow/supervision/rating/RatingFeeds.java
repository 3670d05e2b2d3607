package org.onewindow.supervision.rating;

import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.supervision.board.model.Board;
import org.onewindow.supervision.order.OrderOpening;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every service's ratings, this one's own appeals included. */
@Configuration(proxyBeanMethods = false)
class RatingFeeds {

    @Bean
    BadRatings enterpriseOpeningRatings(Board board, OrderOpening opening) {
        return new BadRatings(OwningService.ENTERPRISE_OPENING, board, opening);
    }

    @Bean
    BadRatings constructionPermitRatings(Board board, OrderOpening opening) {
        return new BadRatings(OwningService.CONSTRUCTION_PERMIT, board, opening);
    }

    @Bean
    BadRatings propertyRegistrationRatings(Board board, OrderOpening opening) {
        return new BadRatings(OwningService.PROPERTY_REGISTRATION, board, opening);
    }

    @Bean
    BadRatings utilityHookupRatings(Board board, OrderOpening opening) {
        return new BadRatings(OwningService.UTILITY_HOOKUP, board, opening);
    }

    @Bean
    BadRatings supervisionRatings(Board board, OrderOpening opening) {
        return new BadRatings(OwningService.SUPERVISION, board, opening);
    }
}
