package org.onewindow.supervision.order.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.onewindow.supervision.order.model.Orders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOrders implements Orders {

    private final JdbcClient jdbc;

    JdbcOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String cause) {
        return jdbc.sql("SELECT count(*) FROM supervision_order WHERE cause = ?")
                        .param(cause)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public void record(Opened o) {
        jdbc.sql(
                        """
                        INSERT INTO supervision_order (cause, kind, supervised_case, order_case, jurisdiction,
                                                       department, opened_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        o.cause(),
                        o.kind().name(),
                        o.supervisedCase(),
                        o.orderCase(),
                        o.jurisdiction(),
                        o.department(),
                        Timestamp.from(o.openedAt()))
                .update();
    }

    @Override
    public List<Counted> opened(String jurisdiction, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        SELECT department, kind, count(*) AS orders FROM supervision_order
                        WHERE jurisdiction = ? AND opened_at >= ? AND opened_at < ?
                        GROUP BY 1, 2 ORDER BY 1, 2""")
                .params(jurisdiction, Timestamp.from(from), Timestamp.from(to))
                .query((rs, i) -> new Counted(
                        rs.getString("department"), Kind.valueOf(rs.getString("kind")), rs.getLong("orders")))
                .list();
    }

    @Override
    public long since(String jurisdiction, String department, Kind kind, Instant from) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM supervision_order
                        WHERE jurisdiction = ? AND department = ? AND kind = ? AND opened_at >= ?""")
                .params(jurisdiction, department, kind.name(), Timestamp.from(from))
                .query(Long.class)
                .single();
    }
}
