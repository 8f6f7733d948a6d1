// SPDX-License-Identifier: MIT
#include "help/GetHelpDialog.h"

#include "common/QtConvert.h"
#include "common/Widgets.h"
#include "common/Workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>

namespace attune::gui {

namespace {

const QString kLocaleKey = QStringLiteral("help/locale");

QString guessLocale(const Content& content)
{
    const QString territory = QLocale::territoryToCode(QLocale::system().territory());
    for (const auto& locale : content.helplines) {
        if (toQString(locale.code) == territory)
            return territory;
    }
    return toQString(content.defaultHelplineLocale);
}

const core::HelplineLocale* findLocale(const Content& content, const QString& code)
{
    for (const auto& locale : content.helplines) {
        if (toQString(locale.code) == code)
            return &locale;
    }
    return content.helplines.empty() ? nullptr : &content.helplines.front();
}

} // namespace

GetHelpDialog::GetHelpDialog(const Content& content, QWidget* parent)
    : QDialog(parent)
    , m_content(content)
    , m_locale(new QComboBox(this))
    , m_steps(new QLabel(this))
    , m_lines(new QLabel(this))
{
    setObjectName(QStringLiteral("getHelpDialog"));
    setWindowTitle(toQString(content.crisis.title));
    resize(640, 720);

    auto* body = new QWidget;
    auto* column = new QVBoxLayout(body);
    column->setSpacing(12);
    column->addWidget(makeHeading(toQString(content.crisis.title), 1, body));
    auto* intro = new QLabel(toQString(content.crisis.intro), body);
    intro->setWordWrap(true);
    column->addWidget(intro);

    auto* where = new QHBoxLayout;
    auto* whereLabel = new QLabel(tr("Where are you?"), body);
    whereLabel->setBuddy(m_locale);
    where->addWidget(whereLabel);
    m_locale->setObjectName(QStringLiteral("helpLocale"));
    m_locale->setAccessibleName(tr("Country or region for emergency numbers"));
    for (const auto& locale : content.helplines)
        m_locale->addItem(toQString(locale.name), toQString(locale.code));
    where->addWidget(m_locale);
    where->addStretch();
    column->addLayout(where);

    m_steps->setObjectName(QStringLiteral("crisisSteps"));
    m_steps->setWordWrap(true);
    m_steps->setTextFormat(Qt::RichText);
    m_steps->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_steps);

    auto* linesCard = new Card(tr("People you can call"), body);
    m_lines->setObjectName(QStringLiteral("helplines"));
    m_lines->setWordWrap(true);
    m_lines->setTextFormat(Qt::RichText);
    m_lines->setTextInteractionFlags(Qt::TextSelectableByMouse);
    linesCard->layout()->addWidget(m_lines);
    column->addWidget(linesCard);

    auto* never = new QLabel(toQString(content.crisis.never), body);
    never->setObjectName(QStringLiteral("muted"));
    never->setWordWrap(true);
    column->addWidget(never);
    auto* disclaimer = new QLabel(toQString(content.disclaimer.shortText), body);
    disclaimer->setObjectName(QStringLiteral("disclaimer"));
    disclaimer->setWordWrap(true);
    column->addWidget(disclaimer);
    column->addStretch();

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(body);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const QString saved = QSettings().value(kLocaleKey).toString();
    showLocale(saved.isEmpty() ? guessLocale(content) : saved);
    connect(m_locale, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(kLocaleKey, currentLocale());
        refresh();
    });
}

void GetHelpDialog::showLocale(const QString& code)
{
    const int index = m_locale->findData(code);
    m_locale->setCurrentIndex(index < 0 ? 0 : index);
    refresh();
}

QString GetHelpDialog::currentLocale() const
{
    return m_locale->currentData().toString();
}

void GetHelpDialog::refresh()
{
    const core::HelplineLocale* locale = findLocale(m_content, currentLocale());
    const QString emergency = locale && !locale->emergency.empty() ? toQString(locale->emergency)
                                                                   : tr("your local emergency number");
    QString steps = QStringLiteral("<ol style='margin-left:-20px'>");
    for (const auto& step : m_content.crisis.steps) {
        QString text = toQString(step.body).toHtmlEscaped();
        text.replace(QStringLiteral("{emergency}"), QStringLiteral("<b>%1</b>").arg(emergency.toHtmlEscaped()));
        steps += QStringLiteral("<li style='margin-bottom:8px'><b>%1</b><br>%2</li>")
                     .arg(toQString(step.title).toHtmlEscaped(), text);
    }
    steps += QStringLiteral("</ol>");
    m_steps->setText(steps);

    QString lines;
    if (locale) {
        if (!locale->emergency.empty())
            lines += tr("<p><b>Emergency: %1</b></p>").arg(toQString(locale->emergency).toHtmlEscaped());
        for (const auto& line : locale->lines) {
            lines += QStringLiteral("<p><b>%1</b> — %2").arg(toQString(line.name).toHtmlEscaped(),
                                                             toQString(line.contact).toHtmlEscaped());
            if (!line.hours.empty())
                lines += QStringLiteral(" (%1)").arg(toQString(line.hours).toHtmlEscaped());
            if (!line.about.empty())
                lines += QStringLiteral("<br><span>%1</span>").arg(toQString(line.about).toHtmlEscaped());
            if (line.needsVerifying)
                lines += tr("<br><i>Please check this number before relying on it.</i>");
            lines += QStringLiteral("</p>");
        }
        if (locale->lines.empty())
            lines += tr("<p>Call your local emergency number, or someone you trust: a friend, a relative, "
                        "your doctor.</p>");
    }
    m_lines->setText(lines);
}

} // namespace attune::gui
