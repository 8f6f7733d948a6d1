// SPDX-License-Identifier: MIT
// A fresh database, workspace and answerable dialogs for every GUI test.
#pragma once

#include "TestSupport.h"

#include "common/Prompts.h"
#include "common/Workspace.h"

#include <gtest/gtest.h>

#include <QStringList>

#include <memory>

namespace attune::test {

// Records what the GUI asked and answers as the test says.
class FakePrompts final : public gui::Prompts {
public:
    bool confirmAnswer = true;
    QString imageFile;
    QString saveFile; // the answer to chooseSaveFile; empty = cancelled
    QString openFile; // the answer to chooseOpenFile
    QString folder;   // the answer to chooseFolder
    QStringList asked;
    QStringList informed; // the text of every inform()
    QStringList warnings;

    bool confirm(QWidget*, const QString& title, const QString&, const QString&) override
    {
        asked << title;
        return confirmAnswer;
    }
    void inform(QWidget*, const QString& title, const QString& text) override
    {
        asked << title;
        informed << text;
    }
    void warn(QWidget*, const QString&, const QString& text) override { warnings << text; }
    QString chooseImageFile(QWidget*) override { return imageFile; }
    QString chooseSaveFile(QWidget*, const QString& title, const QString&, const QString&) override
    {
        asked << title;
        return saveFile;
    }
    QString chooseOpenFile(QWidget*, const QString& title, const QString&, const QString&) override
    {
        asked << title;
        return openFile;
    }
    QString chooseFolder(QWidget*, const QString& title) override
    {
        asked << title;
        return folder;
    }
};

class GuiTest : public ::testing::Test {
protected:
    GuiTest();
    ~GuiTest() override;

    TempDir dir;
    FixedClock clock;
    FakePrompts prompts;
    std::unique_ptr<gui::Workspace> workspace;

    core::Id addChild(const std::string& name);
};

} // namespace attune::test
