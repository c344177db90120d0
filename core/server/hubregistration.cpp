// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Hub: creating an account with an invite (`register` [ext]).
#include "server/hub.h"

#include "protocol/codec.h"
#include "protocol/protocolerror.h"
#include "protocol/username.h"
#include "server/connection.h"
#include "server/servererrors.h"
#include "server/storewriter.h"
#include "store/sqlitestore.h"

#include <QPointer>
#include <memory>

namespace talker::server {

/// What redeeming an invite gave. The token lives here only until it is sent.
struct Hub::Redemption
{
    store::RedeemResult result = store::RedeemResult::Failed;
    store::UserRecord user;
    QString token;
    QString error;
};

void Hub::registerUser(Connection *connection, const protocol::RegisterEvent &event)
{
    const QString name = protocol::normalizeUserName(event.name);
    if (protocol::checkUserName(name) != protocol::NameProblem::None) {
        connection->sendError(protocol::ErrorCode::InvalidName);
        return;
    }
    const auto redeem = [code = event.invite, name](store::Store *store, Redemption *out) {
        out->result = store->redeemInvite(code, name, &out->user, &out->token);
        out->error = store->lastError();
    };
    if (!m_writer) {
        Redemption outcome;
        redeem(m_store, &outcome);
        answerRegistration(connection, outcome);
        return;
    }
    // On the writer's connection, which waits --db-busy-timeout for a locked database:
    // this thread's gives up at once, as its rooms must not wait. The connection reads
    // nothing more until the answer.
    connection->setAuthenticating(true);
    QPointer<Connection> guard(connection);
    auto outcome = std::make_shared<Redemption>();
    ++m_tasksInFlight; // waitForWrites() waits for the answer
    m_writer->perform(
        [redeem, outcome](store::SqliteStore *store) { redeem(store, outcome.get()); }, this,
        [this, guard, outcome] {
            --m_tasksInFlight;
            if (!guard || guard->state() != Connection::State::Authenticating)
                return; // closed meanwhile
            guard->setAuthenticating(false);
            answerRegistration(guard, *outcome);
        });
}

void Hub::answerRegistration(Connection *connection, const Redemption &outcome)
{
    // Neither the invite code nor the token is ever logged.
    switch (outcome.result) {
    case store::RedeemResult::Ok:
        qCInfo(lcHub) << connection->address() << "registered user" << outcome.user.id;
        connection->send(protocol::encode(protocol::RegisteredEvent{
            protocol::User{outcome.user.id, outcome.user.name, false}, outcome.token}));
        connection->closeAfterFlush();
        return;
    case store::RedeemResult::InvalidInvite:
        qCInfo(lcHub) << connection->address() << "invalid invite";
        refuse(connection, protocol::ErrorCode::InvalidInvite);
        return;
    case store::RedeemResult::NameTaken:
        connection->sendError(protocol::ErrorCode::NameTaken);
        return;
    case store::RedeemResult::Failed:
        qCWarning(lcHub) << "could not redeem an invite:" << outcome.error;
        connection->sendError(errors::text(errors::ServerError::NotRegistered), true);
        return;
    }
}

} // namespace talker::server
