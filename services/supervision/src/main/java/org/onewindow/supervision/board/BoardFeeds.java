package org.onewindow.supervision.board;

import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.supervision.board.model.Board;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A feed for every case service's topic, so the board sees every back office (a new service adds one). */
@Configuration(proxyBeanMethods = false)
class BoardFeeds {

    @Bean
    BoardFeed enterpriseOpeningFeed(Board board) {
        return new BoardFeed(OwningService.ENTERPRISE_OPENING, board);
    }

    @Bean
    BoardFeed constructionPermitFeed(Board board) {
        return new BoardFeed(OwningService.CONSTRUCTION_PERMIT, board);
    }

    @Bean
    BoardFeed propertyRegistrationFeed(Board board) {
        return new BoardFeed(OwningService.PROPERTY_REGISTRATION, board);
    }

    @Bean
    BoardFeed utilityHookupFeed(Board board) {
        return new BoardFeed(OwningService.UTILITY_HOOKUP, board);
    }

    /** This service's own cases: 12345 appeals, 督办 and 整改 have limits of their own. */
    @Bean
    BoardFeed supervisionFeed(Board board) {
        return new BoardFeed(OwningService.SUPERVISION, board);
    }
}
