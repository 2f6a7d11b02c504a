package io.herald.persistence.automation;

import io.herald.application.port.Page;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.RunStatus;
import io.herald.domain.automation.StepStatus;
import io.herald.domain.automation.Steps;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.profile.UserId;
import io.herald.persistence.support.Conditions;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@Singleton
@Transactional
class JdbcAutomationRunRepository implements AutomationRunRepository {

    private static final String COLUMNS = "run_id, automation_id, status, recipient, cancelation_token, current_step, "
            + "state::text AS state, created_at, updated_at, chain_id";

    private final Db db;

    JdbcAutomationRunRepository(Db db) {
        this.db = db;
    }

    @Override
    public void insert(AutomationRun run) {
        db.update("""
                INSERT INTO automation_runs (status, current_step, state, updated_at, automation_id, recipient, cancelation_token,
                    created_at, run_id, chain_id)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            bindState(statement, run);
            statement.setString(5, run.automationId().orElse(null));
            statement.setString(6, run.recipient().value());
            statement.setString(7, run.cancelationToken().orElse(null));
            statement.setObject(8, Db.timestamp(run.createdAt()));
            statement.setString(9, run.id().value());
            statement.setString(10, run.chain());
        });
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public int lockChainAndCount(String chain) {
        db.queryOne("SELECT pg_advisory_xact_lock(hashtext(?))", statement -> statement.setString(1, chain), row -> 1);
        return db.queryOne("SELECT count(*) FROM automation_runs WHERE chain_id = ?", statement -> statement.setString(1, chain),
                row -> row.getInt(1)).orElse(0);
    }

    @Override
    public Optional<AutomationRun> find(AutomationRunId id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM automation_runs WHERE run_id = ?",
                statement -> statement.setString(1, id.value()), this::run);
    }

    @Override
    public List<AutomationRun> latestOf(String automationId, int limit) {
        return latestWhere("automation_id", automationId, limit);
    }

    @Override
    public List<AutomationRun> latestFor(String recipient, int limit) {
        return latestWhere("recipient", recipient, limit);
    }

    /** Newest first over the {@code (column, run_id)} index. */
    private List<AutomationRun> latestWhere(String column, String value, int limit) {
        return db.query("SELECT " + COLUMNS + " FROM automation_runs WHERE " + column + " = ? ORDER BY run_id DESC LIMIT ?",
                statement -> {
                    statement.setString(1, value);
                    statement.setInt(2, limit);
                }, this::run);
    }

    /** Reads every run of the automation (by its index): a console page's figure, not a hot path. */
    @Override
    public Map<Integer, Map<StepStatus, Long>> stepCountsOf(String automationId) {
        Map<Integer, Map<StepStatus, Long>> counts = new TreeMap<>();
        db.query("""
                SELECT step.index - 1 AS step, step.result->>'status' AS status, count(*) AS runs
                FROM automation_runs run, jsonb_array_elements(run.state->'results') WITH ORDINALITY AS step(result, index)
                WHERE run.automation_id = ?
                GROUP BY 1, 2""",
                statement -> statement.setString(1, automationId),
                row -> counts.computeIfAbsent(row.getInt("step"), ignored -> new EnumMap<>(StepStatus.class))
                        .put(StepStatus.valueOf(row.getString("status")), row.getLong("runs")));
        return counts;
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public Optional<AutomationRun> lock(AutomationRunId id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM automation_runs WHERE run_id = ? FOR UPDATE",
                statement -> statement.setString(1, id.value()), this::run);
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public List<AutomationRun> lockActiveByToken(String cancelationToken) {
        return db.query("SELECT " + COLUMNS + " FROM automation_runs WHERE cancelation_token = ? AND status IN ('RUNNING', 'WAITING') "
                        + "ORDER BY run_id FOR UPDATE",
                statement -> statement.setString(1, cancelationToken), this::run);
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Override
    public Page<AutomationRun> list(RunQuery query) {
        // The walk is a range of the primary key, newest first; status and automation sift it (see the port).
        Conditions range = new Conditions()
                .and("run_id < ?", query.cursor().map(Db::position))
                .and("run_id >= ?", query.createdFrom().map(at -> AutomationRunId.firstAt(at).value()))
                .and("run_id < ?", query.createdBefore().map(at -> AutomationRunId.firstAt(at).value()));
        Conditions sift = new Conditions()
                .and("status = ANY (?)", query.statuses().isEmpty() ? Optional.empty()
                        : Optional.of(query.statuses().stream().map(Enum::name).toArray(String[]::new)))
                .and("automation_id = ANY (?)", query.automationIds().isEmpty() ? Optional.empty()
                        : Optional.of(query.automationIds().toArray(String[]::new)));
        String walk = "SELECT * FROM automation_runs" + range.sql() + " ORDER BY run_id DESC LIMIT " + RunQuery.WALK;
        List<AutomationRun> rows = db.query("SELECT " + COLUMNS + " FROM (" + walk + ") AS walked" + sift.sql()
                        + " ORDER BY run_id DESC LIMIT " + (query.limit() + 1),
                statement -> sift.bind(statement, range.bind(statement, 1)), this::run);
        if (rows.size() > query.limit()) {
            List<AutomationRun> items = rows.subList(0, query.limit());
            return new Page<>(items, Db.cursor(items.get(query.limit() - 1).id().value()));
        }
        List<String> lastWalked = db.query("SELECT min(run_id) FROM (SELECT run_id FROM automation_runs" + range.sql()
                        + " ORDER BY run_id DESC LIMIT " + RunQuery.WALK + ") AS walked HAVING count(*) = " + RunQuery.WALK,
                statement -> range.bind(statement, 1), row -> row.getString(1));
        return new Page<>(rows, lastWalked.isEmpty() ? null : Db.cursor(lastWalked.get(0)));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public List<AutomationRun> lockFailed(RedriveUseCase.Window created, Optional<String> automationId, int limit) {
        Conditions failed = new Conditions().and("status = 'FAILED'").and("automation_id = ?", automationId).within("created_at", created);
        return db.query("SELECT " + COLUMNS + " FROM automation_runs" + failed.sql() + " ORDER BY run_id LIMIT ? FOR UPDATE SKIP LOCKED",
                statement -> statement.setInt(failed.bind(statement, 1), limit), this::run);
    }

    @Override
    public void save(AutomationRun run) {
        db.update("UPDATE automation_runs SET status = ?, current_step = ?, state = ?::jsonb, updated_at = ? WHERE run_id = ?",
                statement -> {
                    bindState(statement, run);
                    statement.setString(5, run.id().value());
                });
    }

    /** Parameters 1 to 4: what changes as a run moves. */
    private void bindState(PreparedStatement statement, AutomationRun run) throws SQLException {
        statement.setString(1, run.status().name());
        statement.setInt(2, run.stepIndex());
        statement.setString(3, db.toJson(AutomationRunState.of(run)));
        statement.setObject(4, Db.timestamp(run.updatedAt()));
    }

    private AutomationRun run(ResultSet row) throws SQLException {
        Map<String, Object> state = db.jsonObject(row.getString("state"));
        return AutomationRun.reconstitute(new AutomationRunId(row.getString("run_id")),
                Optional.ofNullable(row.getString("automation_id")),
                Steps.parse(state.get("steps"), "steps", Optional.empty()),
                UserId.of(row.getString("recipient")),
                Optional.ofNullable(row.getString("cancelation_token")),
                JsonTrees.asObject((Map<?, ?>) state.get("event")),
                ((Number) state.get("depth")).intValue(),
                Optional.ofNullable(row.getString("chain_id")),
                Db.instant(row, "created_at"),
                AutomationRunState.refs(state),
                AutomationRunState.results(state),
                RunStatus.valueOf(row.getString("status")),
                row.getInt("current_step"),
                JsonTrees.asObject((Map<?, ?>) state.get("data")),
                Optional.ofNullable((String) state.get("error")),
                Db.instant(row, "updated_at"));
    }
}
