// SPDX-License-Identifier: MIT
// Demo notebooks: what a parent might really write over the years, fitted to each child's age.
// Everything is drawn from a seeded mt19937_64 with our own range mapping (the standard
// distributions differ between libraries), so a seed and a today always give the same data.
#include "attune/core/NotebookDemo.h"

#include "demo/DemoParts.h"

#include "attune/core/Database.h"
#include "attune/core/Dates.h"
#include "attune/core/Family.h"
#include "attune/core/Notebook.h"
#include "attune/core/Store.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace attune::core {

namespace {

constexpr unsigned kOffset = 1u << 0;
constexpr unsigned kSelfEsteem = 1u << 1;
constexpr unsigned kConnection = 1u << 2;
constexpr unsigned kTransitions = 1u << 3;
constexpr unsigned kCoolDown = 1u << 4;
constexpr unsigned kRepair = 1u << 5;

struct Theme {
    Section section;
    const char* title;
    const char* details;
    int minAge;
    int maxAge;
    unsigned uses; // the uses a parent would likely tag
    std::vector<const char*> evidence;
};

struct MirrorTheme {
    const char* struggle;
    const char* shine;
    const char* details;
    int minAge;
    int maxAge;
    unsigned uses;
    std::vector<const char*> struggleEvidence;
    std::vector<const char*> shineEvidence;
};

const std::vector<Theme>& themes()
{
    static const std::vector<Theme> list = {
        // ---- Strengths
        {Section::Strengths, "Kind to younger children", "Slows down and makes room for the little ones without being asked.", 3, 18, kSelfEsteem | kConnection,
         {"Helped a toddler at the playground climb the ladder", "Let the neighbour's little boy go first on the swing",
          "Read a picture book to their cousin, doing all the voices", "Noticed a small girl crying and went to find her dad",
          "Gave away the last biscuit to the youngest without a word"}},
        {Section::Strengths, "Keeps going when it's hard", "Gets frustrated, takes a breath, and comes back to it.", 4, 18, kOffset | kSelfEsteem,
         {"Tried the monkey bars again and again until the third bar", "Rewrote the story twice because the ending 'wasn't right yet'",
          "Fell off the bike, cried, and asked to go again", "Spent an hour on one maths problem and got it",
          "Practised the tricky bar of the piece until it flowed"}},
        {Section::Strengths, "Honest, even when it's hard", "Tells us the truth about mistakes, which takes courage.", 4, 18, kRepair | kSelfEsteem,
         {"Told me they broke the vase before I found it", "Owned up to the teacher about copying the answer",
          "Said \"I was the one who started it\" after the fight with their brother", "Returned the extra change at the shop"}},
        {Section::Strengths, "Notices when someone is left out", "Has radar for the child standing alone.", 5, 18, kConnection | kSelfEsteem,
         {"Invited the new girl to sit with them at lunch", "Changed the game so everyone could play",
          "Asked why Grandpa was quiet at dinner and sat next to him", "Walked over to the boy alone by the fence"}},
        {Section::Strengths, "Wonderful sense of humour", "Great timing. Can turn a tense moment around with a joke.", 3, 18, kCoolDown | kRepair | kConnection,
         {"Made the whole table laugh with an impression of the cat", "Cracked a joke in the waiting room that made the nurse laugh",
          "Used a silly voice to break the tension after our argument", "Invented a pun about broccoli that we still repeat"}},
        {Section::Strengths, "Brave about new things", "Nervous at first, then dives in.", 4, 14, kTransitions | kSelfEsteem,
         {"Jumped off the diving board after watching for twenty minutes", "Ordered their own food at the café in French",
          "Went to the first day of camp without looking back", "Tried crème brûlée and declared it the best thing ever"}},
        {Section::Strengths, "Loyal friend", "Sticks up for friends and remembers what matters to them.", 6, 18, kConnection,
         {"Made a card for their friend whose dog died", "Stood up for a friend who was being teased on the bus",
          "Remembered their best friend's birthday before I did", "Stayed in at break to keep a friend with a sore leg company"}},
        {Section::Strengths, "Generous with what they have", "Shares easily and enjoys giving.", 3, 14, kConnection | kSelfEsteem,
         {"Wanted to give half their pocket money to the food bank", "Picked out a present for their sister with real care",
          "Shared the new Lego set with the whole class"}},
        {Section::Strengths, "Great memory for places and faces", "Remembers routes, people and little details years later.", 3, 18, kSelfEsteem,
         {"Remembered the way to the beach house from two summers ago", "Recognised a teacher from nursery in the supermarket",
          "Recited the whole bus route, stop by stop", "Remembered the name of the waiter from our holiday"}},
        {Section::Strengths, "Calm in an emergency", "When something goes wrong, steadies and helps.", 7, 18, kSelfEsteem | kOffset,
         {"Kept their little sister calm when she cut her knee", "Remembered our address and phone number when we got separated",
          "Fetched the first-aid box without being asked"}},
        {Section::Strengths, "Fiercely fair", "Cares a great deal that everyone gets a fair turn.", 5, 18, kSelfEsteem,
         {"Made sure each cousin got the same number of sweets", "Argued politely with the coach about a call that wasn't fair",
          "Wrote a petition about the school's phone rule"}},
        {Section::Strengths, "Patient with animals", "Animals trust them. Quiet, gentle, unhurried.", 3, 18, kCoolDown | kConnection,
         {"Sat still for ten minutes until the neighbour's cat came over", "Fed the ducks one crumb at a time",
          "Helped the vet hold the rabbit and talked to it softly", "Walked the old dog slowly so he could sniff everything"}},

        // ---- Interests
        {Section::Interests, "Dinosaurs 🦕", "Knows more names than I can pronounce.", 2, 8, kConnection | kCoolDown | kTransitions,
         {"Lined up every dinosaur by size along the hallway", "Asked how we know what colour a stegosaurus was",
          "Drew a whole page of sauropods", "Corrected the museum guide about the Triceratops"}},
        {Section::Interests, "Trains", "Timetables, tracks, the sound of the horn.", 2, 7, kTransitions | kConnection,
         {"Built a wooden track that went under the sofa and out the other side", "Waved at every train from the bridge",
          "Named all the engines in the book from memory"}},
        {Section::Interests, "Drawing and colouring 🎨", "Can disappear into a sheet of paper for an hour.", 3, 18, kCoolDown | kSelfEsteem,
         {"Filled a whole sketchbook in a week", "Drew our family as cats, each with the right expression",
          "Asked for proper pencils for their birthday", "Drew a comic strip about the dog's secret life"}},
        {Section::Interests, "Lego", "Instructions first, then their own designs.", 4, 14, kCoolDown | kConnection | kOffset,
         {"Built a three-storey castle with a working drawbridge", "Sorted all the bricks by colour, without being asked",
          "Designed a spaceship with a hidden cockpit", "Explained every room of the Lego house to Grandma"}},
        {Section::Interests, "Space and planets", "Big questions about how far, how hot, how old.", 4, 14, kConnection,
         {"Asked whether there is weather on Jupiter", "Stayed up to watch the meteor shower wrapped in a blanket",
          "Made a model of the solar system from old balls", "Wanted to know how astronauts sleep"}},
        {Section::Interests, "Horses", "Knows the breeds and the tack, dreams of riding.", 5, 14, kCoolDown | kConnection,
         {"Spent the whole farm visit by the paddock fence", "Read the horse encyclopaedia cover to cover",
          "Galloped around the garden with a skipping rope for reins"}},
        {Section::Interests, "Football ⚽", "Loves playing and knowing every result.", 5, 18, kConnection | kCoolDown,
         {"Practised keepy-uppies in the garden until dark", "Knew every player's number in the team",
          "Played a full match in the rain and came home beaming", "Made up a penalty-shootout game for the cousins"}},
        {Section::Interests, "Baking", "Measures carefully, tastes everything.", 5, 18, kConnection | kCoolDown,
         {"Made banana bread on their own for the first time", "Decorated cupcakes for the school fair",
          "Invented a recipe with too much cinnamon and was proud of it", "Made crêpes for everyone on Sunday"}},
        {Section::Interests, "Bugs and creepy-crawlies", "Turns over every stone.", 3, 9, kCoolDown | kConnection,
         {"Built a hotel for woodlice out of bark", "Watched an ant trail for most of the afternoon",
          "Carried a snail to safety off the path", "Asked why beetles have shiny backs"}},
        {Section::Interests, "Music and singing", "Sings all day, makes up songs about everything.", 2, 18, kCoolDown | kTransitions | kRepair,
         {"Made up a song about brushing teeth that we now sing every night", "Sang in the car the whole way to Grandma's",
          "Learned a new song from the radio in one go", "Performed a concert for the stuffed animals"}},
        {Section::Interests, "Piano", "Started by ear, now reads music too.", 6, 18, kCoolDown | kSelfEsteem,
         {"Picked out the tune from the film by ear", "Played at the little concert and bowed twice",
          "Practised without being reminded", "Wrote their first short piece and called it 'Rain'"}},
        {Section::Interests, "Minecraft building", "Huge builds planned carefully with friends.", 7, 15, kConnection | kCoolDown,
         {"Showed me a whole village with a working railway", "Built a copy of our house, down to the wonky gate",
          "Explained redstone circuits with great patience"}},
        {Section::Interests, "Chess", "Thinks several moves ahead.", 7, 18, kConnection | kOffset,
         {"Beat me for the first time and tried very hard not to gloat", "Joined the school chess club",
          "Set up a famous game from a book and played it through", "Taught their little brother how the knight moves"}},
        {Section::Interests, "Reading", "Always has a book on the go.", 6, 18, kCoolDown | kTransitions,
         {"Read under the covers with a torch", "Finished the whole series over the holidays",
          "Recommended a book to me and wanted to talk about it after", "Read the cereal box, the map and the menu"}},
        {Section::Interests, "Origami", "Patient folding, tiny perfect cranes.", 7, 15, kCoolDown | kOffset,
         {"Folded a hundred cranes for their grandmother", "Made a jumping frog that really jumped",
          "Taught the whole class to fold a fortune teller"}},
        {Section::Interests, "Skateboarding", "Hours at the park, learning one trick at a time.", 9, 18, kCoolDown | kSelfEsteem,
         {"Landed an ollie after two weeks of trying", "Filmed their friends' tricks and edited a little video",
          "Went to the skate park every day of half-term"}},
        {Section::Interests, "Coding and games", "Makes their own little games.", 9, 18, kSelfEsteem | kConnection | kOffset,
         {"Made a game where a cat catches falling fish", "Fixed a bug by themselves and shouted across the house",
          "Built a quiz about our family for Grandpa's birthday", "Explained loops to me with a drawing"}},
        {Section::Interests, "Nature and birds", "Knows the birds by their songs.", 5, 18, kCoolDown | kConnection,
         {"Spotted a woodpecker before anyone else", "Kept a bird diary for the whole spring",
          "Knew the blackbird's alarm call and found the cat"}},
        {Section::Interests, "Knitting and sewing", "Calm hands, colourful results.", 8, 18, kCoolDown,
         {"Knitted a scarf for the dog", "Sewed a patch on their jeans", "Made a tiny quilt for the doll's bed"}},
        {Section::Interests, "Photography", "Sees the world in frames.", 10, 18, kSelfEsteem | kCoolDown,
         {"Took a photo of the frost on the car that we printed", "Noticed the light at sunset and ran for the camera",
          "Made a photo book of our holiday"}},
        {Section::Interests, "Dance", "Moves to any music, anywhere.", 3, 16, kCoolDown | kTransitions | kRepair,
         {"Danced in the kitchen while I cooked", "Made up a routine with their sister for the family party",
          "Taught me the steps and laughed at my attempt"}},
        {Section::Interests, "Volcanoes and weather", "Eruptions, storms, tornadoes.", 5, 11, kConnection,
         {"Made a baking-soda volcano that erupted all over the table", "Watched the storm from the window, counting after each flash",
          "Drew the inside of a volcano with labels"}},

        // ---- Skills
        {Section::Skills, "Dresses on their own", "", 3, 6, kSelfEsteem | kTransitions,
         {"Put on their shoes on the right feet", "Chose and put on a whole outfit, stripes and spots together",
          "Did up the zip on their coat for the first time"}},
        {Section::Skills, "Rides a bike", "", 4, 9, kSelfEsteem,
         {"Rode without stabilisers the length of the park", "Rode to school with me alongside", "Signalled at the corner all by themselves"}},
        {Section::Skills, "Swims", "", 4, 12, kSelfEsteem | kCoolDown,
         {"Swam a width without armbands", "Swam a whole length", "Jumped in at the deep end and swam to the side"}},
        {Section::Skills, "Reads on their own", "", 5, 9, kSelfEsteem,
         {"Read a whole picture book to me", "Read the street signs on the way home", "Finished their first chapter book"}},
        {Section::Skills, "Builds from instructions", "Follows diagrams step by step.", 5, 12, kOffset | kSelfEsteem,
         {"Built the 500-piece set in one afternoon", "Assembled the bookshelf with me and read the steps",
          "Spotted a mistake in the instructions"}},
        {Section::Skills, "Makes their own breakfast", "", 6, 12, kSelfEsteem | kTransitions,
         {"Made toast and tea for everyone on Sunday", "Made scrambled eggs with a little help", "Packed their own lunch"}},
        {Section::Skills, "Ties shoelaces", "", 5, 8, kSelfEsteem,
         {"Tied a double knot by themselves", "Showed their friend the bunny-ears trick"}},
        {Section::Skills, "Tells the time", "", 6, 9, kTransitions,
         {"Told me it was quarter past four on the kitchen clock", "Reminded us we'd be late for swimming"}},
        {Section::Skills, "Plays guitar chords", "", 9, 18, kCoolDown | kSelfEsteem,
         {"Played three chords and sang along", "Learned a song from a video on their own", "Played at the school talent show"}},
        {Section::Skills, "Cooks a family meal", "", 11, 18, kConnection | kSelfEsteem,
         {"Cooked spaghetti for everyone and laid the table", "Made a curry from Grandma's recipe", "Made dinner when I was ill"}},
        {Section::Skills, "Types fast", "", 10, 18, kOffset,
         {"Typed up their project faster than I could", "Learned touch-typing with a game"}},
        {Section::Skills, "Speaks a second language", "Picks up words fast and loves using them.", 5, 18, kSelfEsteem | kConnection,
         {"Chatted with the woman at the market in Spanish", "Translated the menu for us on holiday", "Dreamt in French, they said"}},
        {Section::Skills, "Draws faces well", "", 8, 18, kSelfEsteem,
         {"Drew a portrait of Grandpa that looked just like him", "Sketched people at the station"}},
        {Section::Skills, "Takes the bus alone", "", 11, 18, kTransitions | kSelfEsteem,
         {"Took the bus to the library by themselves", "Changed buses in town without a fuss", "Helped a lost tourist find the right stop"}},
        {Section::Skills, "Looks after money", "", 9, 18, kSelfEsteem,
         {"Saved pocket money for three months for the new game", "Worked out the change before the cashier did"}},
        {Section::Skills, "First aid basics", "", 10, 18, kSelfEsteem | kOffset,
         {"Cleaned and covered their sister's graze", "Knew the recovery position from the course"}},

        // ---- How they think, speak and learn
        {Section::HowTheyThink, "Thinks out loud", "Talks through a problem to solve it; silence isn't thinking for them.", 3, 18, kOffset,
         {"Talked their way through the puzzle, piece by piece", "Explained the maths problem to the dog and got it",
          "Narrated the whole Lego build like a cooking show"}},
        {Section::HowTheyThink, "Learns by doing", "Shows, not tells. Hands first, explanation after.", 3, 18, kOffset | kTransitions,
         {"Understood fractions once we cut up a pizza", "Learned the knot by doing it ten times, not by watching",
          "Took apart the old radio to see how it worked"}},
        {Section::HowTheyThink, "Needs a minute before answering", "Answers come, just not straight away. Waiting helps.", 4, 18, kCoolDown | kRepair,
         {"Went quiet, then came back with a really thoughtful answer", "Said \"let me think\" and meant it",
          "Told me about their day at bedtime, hours after I asked"}},
        {Section::HowTheyThink, "Big picture first", "Wants to know why and where it's going before the details.", 6, 18, kOffset,
         {"Asked what the project was for before starting", "Understood the recipe once they knew what the cake would look like"}},
        {Section::HowTheyThink, "Remembers stories, not lists", "Facts stick when they come with a story.", 5, 18, kOffset,
         {"Remembered the whole history topic as a story about a baker", "Learned the times tables through a silly song"}},
        {Section::HowTheyThink, "Asks why, and why again", "Every answer opens a new question.", 3, 12, kConnection,
         {"Asked why the sky is blue, then why sunsets are orange, then why we can't see air", "Asked why people need to sleep",
          "Asked why money is worth anything"}},
        {Section::HowTheyThink, "Speaks in long stories", "Rich vocabulary, sound effects, and side plots.", 3, 12, kConnection,
         {"Told a story about a brave sock that lasted the whole car ride", "Used the word 'magnificent' correctly at dinner",
          "Retold the film with every voice and sound effect"}},
        {Section::HowTheyThink, "Learns best while moving", "Focus improves with a wobble cushion or a walk.", 5, 15, kOffset | kCoolDown,
         {"Learned spellings while bouncing on the trampoline", "Read much better standing up at the counter",
          "Remembered the poem by walking while saying it"}},
        {Section::HowTheyThink, "Visual thinker", "Draws to understand.", 5, 18, kOffset,
         {"Drew a map of the story to keep track of the characters", "Made a diagram of our week that helped us all"}},
        {Section::HowTheyThink, "Notices patterns", "Sees the rule behind things quickly.", 4, 18, kSelfEsteem,
         {"Spotted that the bus comes every twelve minutes", "Found the pattern in the number puzzle before I did"}},

        // ---- Growing
        {Section::Growing, "Waiting for a turn", "", 3, 7, kSelfEsteem,
         {"Waited for the slide without pushing", "Let their friend go first on the tablet and said it was fine"}},
        {Section::Growing, "Saying sorry after a hard moment", "Comes back on their own now, in their own way.", 4, 18, kRepair,
         {"Came back after slamming the door and said sorry", "Drew me a picture after our argument",
          "Apologised to their brother without being asked"}},
        {Section::Growing, "Trying new foods", "", 3, 12, kSelfEsteem,
         {"Tried a bite of fish and said it was 'okay actually'", "Ate a whole piñata-party plate of new things",
          "Asked to taste my curry"}},
        {Section::Growing, "Asking for help", "", 5, 18, kOffset | kRepair,
         {"Asked the teacher for help instead of giving up", "Said \"can you help me?\" before getting cross",
          "Asked me to sit with them during homework"}},
        {Section::Growing, "Losing a game calmly", "", 5, 12, kCoolDown,
         {"Lost at cards and said \"good game\"", "Shrugged off losing the race and cheered for the winner",
          "Took a deep breath when the tower fell, then built again"}},
        {Section::Growing, "Mornings are smoother", "", 5, 14, kTransitions,
         {"Got ready for school before the timer went", "Used their picture checklist without reminders",
          "Was at the door with shoes on, first for once"}},
        {Section::Growing, "Naming big feelings", "Uses words more often than before.", 4, 18, kCoolDown | kRepair,
         {"Said \"I'm frustrated\" instead of throwing the pencil", "Told me they felt left out at the party",
          "Said they needed a minute, and took it"}},
        {Section::Growing, "Sleeping in their own bed", "", 3, 8, kTransitions,
         {"Slept the whole night in their own room", "Went to bed with the night light and no fuss"}},
        {Section::Growing, "Handling changes of plan", "", 5, 16, kTransitions | kCoolDown,
         {"Coped well when the trip was cancelled", "Suggested a new plan when it rained",
          "Took the change of teacher in their stride"}},
        {Section::Growing, "Standing up for themselves", "", 7, 18, kSelfEsteem,
         {"Told a friend calmly that they didn't like the joke", "Asked the coach for more time on the pitch"}},
    };
    return list;
}

const std::vector<MirrorTheme>& mirrorThemes()
{
    static const std::vector<MirrorTheme> list = {
        {"Can't focus on homework", "Spends all day on a detailed Lego build", "The same deep focus, when it's their own project.", 5, 16,
         kOffset | kSelfEsteem,
         {"Stared at the worksheet for half an hour", "Homework took the whole evening again", "Got up six times during reading practice"},
         {"Built a Lego harbour for five hours straight", "Spent the whole Saturday on a detailed drawing of the city",
          "Didn't hear us call for dinner while programming their game"}},
        {"Talks non-stop", "Tells wonderful stories", "So many words, and so much imagination.", 3, 14, kConnection,
         {"Talked through the entire film", "Couldn't let me finish a sentence at dinner"},
         {"Told a story at bedtime that had the whole family listening", "Made up a radio show with sound effects",
          "Kept Grandma entertained on the long drive"}},
        {"Stubborn about plans", "Sticks with hard things", "Hard to shift, and hard to stop once they've started.", 4, 18, kOffset,
         {"Refused to leave the park until the tower was finished", "Wouldn't change the plan even when it rained"},
         {"Kept practising the song until it was perfect", "Finished the 1000-piece puzzle over four days",
          "Ran the whole cross-country course though they were last"}},
        {"Bossy with friends", "A natural organiser", "Likes to lead. With care, it becomes leadership.", 5, 14, kSelfEsteem | kConnection,
         {"Told everyone exactly where to stand in the game", "Argued with a friend about the rules of tag"},
         {"Organised a treasure hunt for the whole street", "Planned the class assembly and gave everyone a part",
          "Set up the lemonade stand with a rota"}},
        {"Restless at the table", "Tireless on a hike", "A body that needs to move.", 3, 14, kOffset | kCoolDown,
         {"Fell off the chair twice at dinner", "Couldn't sit through the wedding speeches"},
         {"Walked eight miles in the hills and still wanted more", "Climbed every rock on the beach",
          "Raced up the hill and waited for us at the top, grinning"}},
        {"Very sensitive to criticism", "Deeply caring about others' feelings", "Feels everything strongly, in both directions.", 4, 18,
         kConnection | kRepair,
         {"Cried when the teacher corrected their spelling", "Took a small comment about their drawing very hard"},
         {"Comforted a friend whose parents are separating", "Noticed I was sad and made me a cup of tea",
          "Wrote a kind note to the new boy"}},
        {"Slow to get ready", "Notices tiny details on the way", "Never rushed, never misses anything.", 3, 12, kTransitions,
         {"Took twenty minutes to put on shoes", "Late for school again because of the snail on the path"},
         {"Found a four-leaf clover on the way to school", "Noticed the swallows had come back before anyone",
          "Spotted that the bakery had changed its sign"}},
        {"Argues every rule", "Strong sense of justice", "Questions everything, especially what seems unfair.", 6, 18, kSelfEsteem,
         {"Argued about bedtime for twenty minutes", "Wanted to know why the rule about screens applies on Saturdays"},
         {"Stood up for a classmate who was blamed unfairly", "Wrote to the council about the broken playground",
          "Made sure the new kid got a turn in the game"}},
        {"Loud", "Full of joy and energy", "Big volume, big heart.", 2, 12, kConnection | kCoolDown,
         {"Shouted across the library", "Woke the baby with a happy scream"},
         {"Made the whole party dance", "Laughed so hard at the clown that the other kids joined in",
          "Cheered for every single runner at sports day"}},
        {"Worries a lot", "Thinks ahead and plans carefully", "A careful mind that sees what could happen.", 6, 18, kOffset | kTransitions,
         {"Couldn't sleep before the school trip", "Asked five times whether we'd locked the door"},
         {"Packed a first-aid kit for the camping trip", "Made a checklist for the holiday that we all used",
          "Reminded us to bring the tickets, which we had forgotten"}},
        {"Won't try new things", "Loyal to what they love", "Knows what they like, and loves it deeply.", 3, 12, kTransitions,
         {"Refused to go to the new swimming pool", "Ate only pasta on holiday"},
         {"Has loved the same stuffed rabbit for six years and still tells it everything",
          "Read their favourite book for the twelfth time and still laughed at the same page"}},
        {"Messy room", "Always building and making", "The mess is a workshop.", 5, 18, kSelfEsteem,
         {"Couldn't find the floor of the bedroom", "Glue on the carpet again"},
         {"Built a cardboard robot with moving arms", "Made a marble run across the whole bedroom floor",
          "Turned old boxes into a puppet theatre"}},
    };
    return list;
}

// Optional endings that make the same observation read like a different day.
constexpr const char* kContexts[] = {
    " after school",     " on Saturday morning",     " at Grandma's",     " before bed",
    " on the walk home", " while I made dinner",     " at the park",      " with their cousin",
    " on a rainy afternoon", " in the car",          " at the library",   " on holiday",
    " with Zoë next door",  " during our one-on-one time", " at the café",  " in the garden",
};

class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_engine(seed)
    {
    }
    // Inclusive; our own mapping so every standard library gives the same numbers.
    long range(long low, long high)
    {
        if (high <= low)
            return low;
        const auto span = static_cast<std::uint64_t>(high - low) + 1;
        return low + static_cast<long>(m_engine() % span);
    }
    bool chance(int percent) { return range(0, 99) < percent; }
    template <typename T>
    const T& pick(const std::vector<T>& items)
    {
        return items[static_cast<std::size_t>(range(0, static_cast<long>(items.size()) - 1))];
    }

private:
    std::mt19937_64 m_engine;
};

std::string firstName(const std::string& name)
{
    return name.substr(0, name.find(' '));
}

// Who else noticed, now and then.
constexpr const char* kPrefixes[] = {"Again today: ", "Grandpa noticed it too: ", "Their teacher mentioned it: ",
                                     "Saw it again: ", "My partner told me: "};

std::string evidenceText(Random& random, const char* base, const std::string& name, bool isStruggle)
{
    std::string text = base;
    const char last = text.empty() ? '.' : text.back();
    const bool isQuote = last == '"' || last == '!' || last == '?';
    // Someone else's words only fit lines that don't speak of "me" or "us".
    const bool isAboutUs = text.find(" me") != std::string::npos || text.find(" us") != std::string::npos
                        || text.find("I ") != std::string::npos;
    if (!isStruggle && !isAboutUs && random.chance(12) && text.size() > 1 && text[0] >= 'A' && text[0] <= 'Z'
        && text[1] >= 'a' && text[1] <= 'z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
        text = kPrefixes[random.range(0, static_cast<long>(std::size(kPrefixes)) - 1)] + text;
    }
    if (!isQuote && random.chance(55))
        text += kContexts[random.range(0, static_cast<long>(std::size(kContexts)) - 1)];
    if (!isQuote)
        text += '.';
    if (!isStruggle && random.chance(6))
        text += " " + name + " was so proud.";
    if (!isStruggle && random.chance(4))
        text += " I want to remember this one.";
    return text;
}

UseSet someOf(Random& random, unsigned suggested)
{
    unsigned bits = 0;
    for (unsigned bit = 0; bit < 6; ++bit) {
        const unsigned mask = 1u << bit;
        if ((suggested & mask) != 0 && random.chance(70))
            bits |= mask;
    }
    return UseSet::fromBits(bits);
}

struct ChildSpan {
    long firstDay = 0;                // earliest day of the notebook for this child
    std::optional<long> birthDay;     // days since epoch, when known
};

// The days on which the child's age lies in [minAge, maxAge] within the span, or none.
std::optional<std::pair<long, long>> ageWindow(const ChildSpan& span, long today, int minAge, int maxAge)
{
    long from = span.firstDay;
    long to = today;
    if (span.birthDay) {
        from = std::max(from, *span.birthDay + static_cast<long>(minAge) * 365);
        to = std::min(to, *span.birthDay + static_cast<long>(maxAge + 1) * 365 - 1);
    }
    if (from > to)
        return std::nullopt;
    return std::make_pair(from, to);
}

struct Planned {
    long noticed = 0;
    const Theme* theme = nullptr;
    const MirrorTheme* mirror = nullptr;
};

} // namespace

NotebookDemoCounts addNotebookDemo(Store& store, const std::vector<Id>& childIds, int years, std::uint64_t seed,
                                   const std::string& todayText)
{
    NotebookDemoCounts counts;
    const auto todayDate = parseDate(todayText.empty() ? store.clock().today() : todayText);
    if (!todayDate || years <= 0)
        return counts;
    const long today = daysFromCivil(*todayDate);
    const long start = today - static_cast<long>(years) * 365 - years / 4;
    // Scale the number of entries with the years covered; ten years gives the full notebook.
    const int scale = std::clamp(years, 1, 10);

    Random random(seed);
    Family family(store);
    Notebook notebook(store);

    store.db().write([&] {
        for (const Id childId : childIds) {
            const Child child = family.child(childId);
            const std::string name = firstName(child.data.name);
            ChildSpan span;
            span.firstDay = start;
            if (const auto birth = parseDate(child.data.birthDate)) {
                span.birthDay = daysFromCivil(*birth);
                span.firstDay = std::max(start, *span.birthDay + 2 * 365);
            }
            if (span.firstDay > today)
                continue; // a baby: nothing to notice in words yet

            // Choose themes that fit the child's age somewhere in the span, per section.
            std::vector<Planned> plan;
            struct Quota {
                Section section;
                int low;
                int high;
            };
            const Quota quotas[] = {{Section::Strengths, 8, 11}, {Section::Interests, 11, 16}, {Section::Skills, 8, 12},
                                    {Section::HowTheyThink, 5, 7}, {Section::Growing, 6, 9}};
            for (const auto& quota : quotas) {
                std::vector<const Theme*> fitting;
                for (const auto& theme : themes()) {
                    if (theme.section == quota.section && ageWindow(span, today, theme.minAge, theme.maxAge))
                        fitting.push_back(&theme);
                }
                const long wanted = std::max(1L, random.range(quota.low, quota.high) * scale / 10);
                for (long n = 0; n < wanted && !fitting.empty(); ++n) {
                    const auto at = static_cast<std::size_t>(random.range(0, static_cast<long>(fitting.size()) - 1));
                    const Theme* theme = fitting[at];
                    fitting.erase(fitting.begin() + static_cast<long>(at));
                    const auto window = *ageWindow(span, today, theme->minAge, theme->maxAge);
                    plan.push_back({random.range(window.first, window.second), theme, nullptr});
                }
            }
            std::vector<const MirrorTheme*> mirrors;
            for (const auto& mirror : mirrorThemes()) {
                if (ageWindow(span, today, mirror.minAge, mirror.maxAge))
                    mirrors.push_back(&mirror);
            }
            const long wantedMirrors = std::max(1L, random.range(4, 6) * scale / 10);
            for (long n = 0; n < wantedMirrors && !mirrors.empty(); ++n) {
                const auto at = static_cast<std::size_t>(random.range(0, static_cast<long>(mirrors.size()) - 1));
                const MirrorTheme* mirror = mirrors[at];
                mirrors.erase(mirrors.begin() + static_cast<long>(at));
                const auto window = *ageWindow(span, today, mirror->minAge, mirror->maxAge);
                plan.push_back({random.range(window.first, window.second), nullptr, mirror});
            }
            // A parent adds entries as they notice them, so the page order follows time.
            std::stable_sort(plan.begin(), plan.end(),
                             [](const Planned& a, const Planned& b) { return a.noticed < b.noticed; });

            for (const auto& planned : plan) {
                EntryDraft draft;
                const bool isMirror = planned.mirror != nullptr;
                draft.section = isMirror ? Section::MirrorTraits : planned.theme->section;
                draft.title = isMirror ? planned.mirror->struggle : planned.theme->title;
                draft.shine = isMirror ? planned.mirror->shine : "";
                const char* details = isMirror ? planned.mirror->details : planned.theme->details;
                draft.details = random.chance(75) ? details : "";
                draft.noticedOn = random.chance(85) ? formatDate(civilFromDays(planned.noticed)) : "";
                draft.isPinned = random.chance(12);
                draft.uses = someOf(random, isMirror ? planned.mirror->uses : planned.theme->uses);
                const Entry entry = notebook.addEntry(childId, draft);
                ++counts.entries;

                // Interests come and go and skills are learned; strengths and traits stay. Evidence
                // falls in the entry's active years and the theme's ages, more of it for the
                // pinned favourites, and no line is written twice on one entry.
                long activeYears = years;
                if (draft.section == Section::Interests)
                    activeYears = random.range(1, 4);
                else if (draft.section == Section::Skills)
                    activeYears = random.range(1, 2);
                else if (draft.section == Section::Growing)
                    activeYears = random.range(1, 3);
                const int maxAge = isMirror ? planned.mirror->maxAge : planned.theme->maxAge;
                const int minAge = isMirror ? planned.mirror->minAge : planned.theme->minAge;
                const long ageEnd = ageWindow(span, today, minAge, maxAge).value_or(std::make_pair(today, today)).second;
                const long last = std::max(planned.noticed, std::min({today, ageEnd, planned.noticed + activeYears * 365}));
                std::set<std::string> written;
                const auto addLines = [&](EvidenceSide side, const std::vector<const char*>& bases, long low, long high) {
                    // A theme with few ways to say it gets fewer lines, so they don't all sound alike.
                    const long most = std::min(high, static_cast<long>(bases.size()) * 6);
                    const long lines = random.range(std::min(low, most), most) * (draft.isPinned ? 2 : 1);
                    for (long n = 0; n < lines; ++n) {
                        std::string text;
                        for (int attempt = 0; attempt < 8 && (text.empty() || written.count(text) > 0); ++attempt)
                            text = evidenceText(random, random.pick(bases), name, side == EvidenceSide::Struggle);
                        if (!written.insert(text).second)
                            continue; // this entry has said it all already
                        const long day = random.range(planned.noticed, last);
                        notebook.addEvidence(entry.meta.id, side, formatDate(civilFromDays(day)), text);
                        ++counts.evidence;
                    }
                };
                if (isMirror) {
                    addLines(EvidenceSide::Struggle, planned.mirror->struggleEvidence, 2, 8);
                    addLines(EvidenceSide::Shine, planned.mirror->shineEvidence, 4, 14);
                } else {
                    addLines(EvidenceSide::Entry, planned.theme->evidence, 3, 26);
                }
            }
        }
    });
    spdlog::info("notebook demo: {} entries, {} evidence lines", counts.entries, counts.evidence);
    return counts;
}

namespace demo {

int notebookDemoBatches(const DemoOptions&)
{
    return 1;
}

// The notebook part of `generateDemo()`: the children the family part made, the same years.
void generateNotebookDemo(DemoContext& context)
{
    std::vector<Id> childIds;
    for (const auto& child : context.children)
        childIds.push_back(child.id);
    context.batch([&] {
        const NotebookDemoCounts counts = addNotebookDemo(context.store, childIds, context.options.years,
                                                          mixSeed(context.options.seed ^ 0x6e6f7465ULL),
                                                          formatDate(civilFromDays(context.lastDay)));
        context.count("notebook entries", counts.entries);
        context.count("evidence lines", counts.evidence);
    });
}

} // namespace demo

} // namespace attune::core
