// SPDX-License-Identifier: MIT
// Children, caregivers and co-regulation items through the public Family API.
#include "TestSupport.h"

#include "attune/core/Database.h"
#include "attune/core/Errors.h"
#include "attune/core/Family.h"
#include "attune/core/Store.h"
#include "attune/core/Trash.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

using namespace attune;
using namespace attune::core;

namespace {

class FamilyTest : public ::testing::Test {
protected:
    test::TempDir dir;
    test::FixedClock clock;
    Database db = Database::create(dir / "family.sqlite");
    Store store{db, clock, 42};
    Family family{store};

    void SetUp() override { store.setActor(family.caregivers().front().meta.uuid); }

    int rows(const std::string& table)
    {
        return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt();
    }

    ChildDraft draft(const std::string& name)
    {
        ChildDraft d;
        d.name = name;
        return d;
    }
};

} // namespace

TEST_F(FamilyTest, NewFileHasMeAsCaregiver)
{
    const auto caregivers = family.caregivers();
    ASSERT_EQ(caregivers.size(), 1u);
    EXPECT_EQ(caregivers[0].name, "Me");
    EXPECT_EQ(caregivers[0].meta.uuid.size(), 36u);
}

TEST_F(FamilyTest, AddAndRenameCaregivers)
{
    const Caregiver dad = family.addCaregiver("  Dad ");
    EXPECT_EQ(dad.name, "Dad");
    family.renameCaregiver(dad.meta.id, "Papa");
    EXPECT_EQ(family.caregiver(dad.meta.id).name, "Papa");
    EXPECT_THROW(family.renameCaregiver(dad.meta.id, " "), ValidationError);
    EXPECT_EQ(family.caregiver(dad.meta.id).name, "Papa");
}

TEST_F(FamilyTest, AddChildStoresEveryFieldAndWhoDidIt)
{
    ChildDraft d = draft("  Maya ");
    d.birthDate = "2019-04-23";
    d.pronouns = "she/her";
    d.goalMinutes = 15;
    d.birthStory = "A snowy Tuesday.";
    d.photo = std::string("\x89PNG\r\n\x1a\n\0\0binary", 16);
    const Child child = family.addChild(d);
    EXPECT_EQ(child.data.name, "Maya");
    EXPECT_EQ(child.data.birthDate, "2019-04-23");
    EXPECT_EQ(child.data.goalMinutes, 15);
    EXPECT_EQ(child.data.photo, d.photo);
    EXPECT_EQ(child.data.birthStory, d.birthStory);
    EXPECT_FALSE(child.data.avatarColor.empty());
    EXPECT_EQ(child.meta.updatedBy, store.actor());
    EXPECT_EQ(child.meta.createdAt, clock.nowMs());
    EXPECT_EQ(child.meta.uuid.size(), 36u);
}

TEST_F(FamilyTest, InvalidChildIsNeverStored)
{
    ChildDraft d = draft("");
    d.goalMinutes = 0;
    d.birthDate = "2030-01-01";
    try {
        family.addChild(d);
        FAIL() << "accepted an invalid child";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.errors().size(), 3u);
        EXPECT_EQ(error.messageFor("name"), "Please enter your child's name.");
    }
    EXPECT_EQ(rows("children"), 0);

    const Child maya = family.addChild(draft("Maya"));
    ChildDraft bad = maya.data;
    bad.goalMinutes = 500;
    EXPECT_THROW(family.updateChild(maya.meta.id, maya.data, bad), ValidationError);
    EXPECT_EQ(family.child(maya.meta.id).data.goalMinutes, 10);
}

TEST_F(FamilyTest, HardTextIsStoredExactly)
{
    ChildDraft d = draft("Zo\xC3\xAB \xF0\x9F\x8C\x88");
    d.birthStory = test::hardText();
    d.pronouns = "\xE2\x80\x8F" "they";
    const Child child = family.addChild(d);
    EXPECT_EQ(family.child(child.meta.id).data.birthStory, test::hardText());
    EXPECT_EQ(family.child(child.meta.id).data.birthStory.size(), test::hardText().size());
    EXPECT_EQ(family.child(child.meta.id).data.name, d.name);
    EXPECT_EQ(family.child(child.meta.id).data.pronouns, d.pronouns);
}

TEST_F(FamilyTest, OneMebibyteStorySurvivesReopening)
{
    ChildDraft d = draft("Maya");
    d.birthStory = test::bigText(1024 * 1024);
    const Id id = family.addChild(d).meta.id;
    db.close();
    Database reopened = Database::open(dir / "family.sqlite");
    Store again(reopened, clock);
    EXPECT_EQ(Family(again).child(id).data.birthStory, d.birthStory);
}

TEST_F(FamilyTest, ArchivedChildrenLeaveTheSidebarButNotTheFile)
{
    const Id maya = family.addChild(draft("Maya")).meta.id;
    family.addChild(draft("Leo"));
    family.setArchived(maya, true);
    ASSERT_EQ(family.children().size(), 1u);
    EXPECT_EQ(family.children()[0].name, "Leo");
    EXPECT_EQ(family.children(true).size(), 2u);
    family.setArchived(maya, false);
    EXPECT_EQ(family.children().size(), 2u);
}

TEST_F(FamilyTest, TrashAndRestoreAChildWithTheirProfile)
{
    const Id maya = family.addChild(draft("Maya")).meta.id;
    family.addCoregItem(maya, "touch", "Firm hug", CoregRating::Helps);
    family.trashChild(maya);
    EXPECT_TRUE(family.children(true).empty());
    EXPECT_THROW(family.child(maya), StorageError);
    EXPECT_EQ(rows("children"), 1) << "trash keeps the row";

    Trash trash(store);
    const auto entries = trash.entries();
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].title, "Maya");
    trash.restore(entries[0]);
    EXPECT_EQ(family.child(maya).data.name, "Maya");
    EXPECT_EQ(family.coregItems(maya).size(), 1u);
    EXPECT_TRUE(trash.entries().empty());
}

TEST_F(FamilyTest, CoregulationItemsKeepRatingAndNote)
{
    const Id maya = family.addChild(draft("Maya")).meta.id;
    const CoregItem hug = family.addCoregItem(maya, "touch", "Firm hug", CoregRating::Helps, "Only when she asks");
    family.addCoregItem(maya, "sound", "Loud places", CoregRating::Avoid);
    family.updateCoregItem(hug, CoregRating::Neutral, test::hardText());
    auto items = family.coregItems(maya);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].category, "sound");
    EXPECT_EQ(items[0].rating, CoregRating::Avoid);
    EXPECT_EQ(items[1].rating, CoregRating::Neutral);
    EXPECT_EQ(items[1].note, test::hardText());

    family.trashCoregItem(hug.meta.id);
    EXPECT_EQ(family.coregItems(maya).size(), 1u);
    family.restoreCoregItem(hug.meta.id);
    EXPECT_EQ(family.coregItems(maya).size(), 2u);
}

TEST_F(FamilyTest, CoregulationItemRulesAndMissingChild)
{
    const Id maya = family.addChild(draft("Maya")).meta.id;
    EXPECT_THROW(family.addCoregItem(maya, "touch", "  ", CoregRating::Helps), ValidationError);
    EXPECT_THROW(family.addCoregItem(9999, "touch", "Hug", CoregRating::Helps), StorageError);
    EXPECT_EQ(rows("coreg_items"), 0);
}

TEST_F(FamilyTest, FindChildByNameIgnoresCaseAndRefusesAmbiguity)
{
    const Id maya = family.addChild(draft("Maya")).meta.id;
    EXPECT_EQ(family.findChildByName(" maya "), maya);
    EXPECT_EQ(family.findChildByName("Leo"), 0);
    family.addChild(draft("MAYA"));
    EXPECT_EQ(family.findChildByName("maya"), 0);
}

TEST_F(FamilyTest, UuidsAreRepeatableWithASeed)
{
    Database other = Database::openInMemory();
    Store a(other, clock, 7);
    Store b(other, clock, 7);
    EXPECT_EQ(a.newUuid(), b.newUuid());
    EXPECT_NE(a.newUuid(), store.newUuid());
}

TEST_F(FamilyTest, TheCareCardEmergencyLineIsKeptPerChild)
{
    ChildDraft draft;
    draft.name = "Maya";
    const Id maya = family.addChild(draft).meta.id;
    EXPECT_EQ(family.careCardEmergency(maya), "");
    family.setCareCardEmergency(maya, "  Sam (Dad) on 07700 900123 \u260E  ");
    EXPECT_EQ(family.careCardEmergency(maya), "Sam (Dad) on 07700 900123 \u260E");

    // 200 characters (not bytes) is the most; one more is refused and nothing changes.
    std::string twoHundred;
    for (int i = 0; i < 200; ++i)
        twoHundred += "\xC3\xA9"; // é
    EXPECT_NO_THROW(family.setCareCardEmergency(maya, twoHundred));
    try {
        family.setCareCardEmergency(maya, twoHundred + "!");
        FAIL() << "201 characters were accepted";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.messageFor("emergency"),
                  "Please keep this to 200 characters or fewer (it has 201), so it fits on the card.");
    }
    EXPECT_EQ(family.careCardEmergency(maya), twoHundred);
    family.trashChild(maya);
    EXPECT_THROW(family.setCareCardEmergency(maya, "x"), StorageError);
}
